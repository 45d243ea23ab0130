import ClearanceCore

extension StandardLibrary {
    /// Timestamp accessors (optionally in a time zone) and duration converters.
    static let timeFunctions: [FunctionDecl] = [
        timestampAccessor("getFullYear", "The year.") { civil, _ in civil.year },
        timestampAccessor("getMonth", "The month, 0-11 (0 is January).") { civil, _ in civil.month - 1 },
        timestampAccessor("getDate", "The day of the month, 1-31.") { civil, _ in civil.day },
        timestampAccessor("getDayOfMonth", "The day of the month, 0-30.") { civil, _ in civil.day - 1 },
        timestampAccessor("getDayOfYear", "The day of the year, 0-365.") { civil, _ in civil.dayOfYear },
        timestampAccessor("getDayOfWeek", "The day of the week, 0-6 (0 is Sunday).") { civil, _ in civil.weekday },
        timestampAccessor("getHours", "Timestamps: the hour, 0-23. Durations: whole hours.",
                          duration: { $0 / 3_600_000_000_000 }) { civil, _ in civil.hour },
        timestampAccessor("getMinutes", "Timestamps: the minute, 0-59. Durations: whole minutes.",
                          duration: { $0 / 60_000_000_000 }) { civil, _ in civil.minute },
        timestampAccessor("getSeconds", "Timestamps: the second, 0-59. Durations: whole seconds.",
                          duration: { $0 / 1_000_000_000 }) { civil, _ in civil.second },
        timestampAccessor("getMilliseconds", "Timestamps: the millisecond, 0-999. Durations: the milliseconds part, 0-999.",
                          duration: { $0 / 1_000_000 % 1000 }) { _, nanos in Int(nanos / 1_000_000) },
    ]

    /// A timestamp accessor with its time-zone form, and optionally a duration converter of the same name.
    private static func timestampAccessor(
        _ name: String, _ doc: String, duration: (@Sendable (Int64) -> Int64)? = nil,
        _ field: @escaping @Sendable (CivilTime, Int32) -> Int
    ) -> FunctionDecl {
        let id = name.dropFirst(3).lowercased()
        var overloads = [
            Overload("timestamp_to_\(id)", receiver: true, [.timestamp], .int, .unary { v in
                guard case .timestamp(let t) = v else { return nil }
                return .int(Int64(field(CivilTime(seconds: t.seconds), t.nanos)))
            }),
            Overload("timestamp_to_\(id)_with_tz", receiver: true, [.timestamp, .string], .int, .binary { v, zone throws(EvaluationError) in
                guard case .timestamp(let t) = v, case .string(let name) = zone else { return nil }
                return .int(Int64(field(try TimeZones.civil(t, zone: name), t.nanos)))
            }),
        ]
        if let duration {
            overloads.append(Overload("duration_to_\(id)", receiver: true, [.duration], .int, .unary { v in
                guard case .duration(let d) = v else { return nil }
                return .int(duration(d.nanoseconds))
            }))
        }
        return FunctionDecl(name: name, doc: doc, overloads: overloads)
    }
}
