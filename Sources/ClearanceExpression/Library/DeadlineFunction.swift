import ClearanceCore

extension StandardLibrary {
    /// `deadline(start, window, zone[, holidays])`: the instant by which something due within a window must be done.
    static let deadlineFunctions: [FunctionDecl] = [
        FunctionDecl(
            name: "deadline",
            doc: "The instant a window opened at a timestamp closes: the timestamp plus a duration ('24h'), or the end of "
                + "the same day ('same-day') or of the next business day, Monday to Friday less the holidays "
                + "('next-business-day'), in a time zone.",
            overloads: [
                Overload("deadline_timestamp_string_string", [.timestamp, .string, .string], .timestamp, .ternary { start, window, zone throws(EvaluationError) in
                    guard case .timestamp(let t) = start, case .string(let w) = window, case .string(let z) = zone else { return nil }
                    return .timestamp(try Deadlines.deadline(after: t, window: w, zone: z, holidays: []))
                }),
                Overload("deadline_timestamp_string_string_list", [.timestamp, .string, .string, .list(.string)], .timestamp,
                         .quaternary { start, window, zone, holidays throws(EvaluationError) in
                    guard case .timestamp(let t) = start, case .string(let w) = window, case .string(let z) = zone,
                          let days = holidays.listElements else { return nil }
                    var texts: [String] = []
                    for day in days {
                        guard case .string(let text) = day else { throw EvaluationError(message: RuntimeMessages.invalidHoliday(day)) }
                        texts.append(text)
                    }
                    return .timestamp(try Deadlines.deadline(after: t, window: w, zone: z, holidays: texts))
                }),
            ]),
    ]
}

/// Where a window opened at an instant closes, counted in days of a time zone where the window is in days.
enum Deadlines {
    /// The window that ends with the day the window opened, in the zone.
    static let sameDay = "same-day"
    /// The window that ends with the first business day after the day the window opened, in the zone.
    static let nextBusinessDay = "next-business-day"
    /// The most days `next-business-day` looks ahead before it gives up (a holiday list covering every weekday).
    static let maximumLookahead = 400

    /// The instant a window opened at `start` closes: `start` plus a duration, or the first instant after the
    /// same day or the next business day (Monday to Friday, not in `holidays`, each a `YYYY-MM-DD`) in `zone`.
    static func deadline(after start: Timestamp, window: String, zone: String, holidays: [String]) throws(EvaluationError) -> Timestamp {
        let offset = try TimeZones.offset(of: zone, at: start)  // an unknown zone is an error whatever the window
        let startDay = CivilTime.dayNumber(ofSeconds: start.seconds + Int64(offset))
        switch window {
        case sameDay:
            return try startOfDay(startDay + 1, zone: zone)
        case nextBusinessDay:
            var closed: Set<Int64> = []
            for text in holidays {
                guard let day = day(of: text) else { throw EvaluationError(message: RuntimeMessages.invalidHoliday(.string(text))) }
                closed.insert(day)
            }
            var day = startDay + 1
            while isWeekend(day) || closed.contains(day) {
                day += 1
                guard day - startDay <= Int64(maximumLookahead) else { throw EvaluationError(message: RuntimeMessages.noBusinessDay(maximumLookahead)) }
            }
            return try startOfDay(day + 1, zone: zone)
        default:
            guard let duration = DurationValue.parse(window), duration.nanoseconds >= 0 else {
                throw EvaluationError(message: RuntimeMessages.invalidWindow(window))
            }
            return try Arithmetic.add(start, duration)
        }
    }

    /// Whether a day (days since 1970-01-01) is a Saturday or a Sunday.
    static func isWeekend(_ day: Int64) -> Bool {
        let weekday = ((day % 7) + 11) % 7  // 0 = Sunday; 1970-01-01 was a Thursday
        return weekday == 0 || weekday == 6
    }

    /// The days since 1970-01-01 of a `YYYY-MM-DD` date, or `nil` when the text is not a valid date.
    static func day(of text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let dayOfMonth = number(8..<10), year >= 1,
              (1...12).contains(month), (1...CivilTime.daysInMonth(year: year, month: month)).contains(dayOfMonth) else { return nil }
        return CivilTime.days(year: year, month: month, day: dayOfMonth)
    }

    /// The first instant of a day (days since 1970-01-01) in a zone: its local midnight, or the instant the clock
    /// jumps to when a clock change skips midnight.
    static func startOfDay(_ day: Int64, zone: String) throws(EvaluationError) -> Timestamp {
        let localMidnight = day * 86_400
        func instant(_ seconds: Int64) throws(EvaluationError) -> Timestamp {
            guard let t = Timestamp(seconds: seconds) else { throw EvaluationError(message: RuntimeMessages.timestampRange) }
            return t
        }
        // Midnight read with the offsets in force on either side of it: one of them is right, or (when the clock
        // skips midnight) neither, and then the later is the instant the clock jumped to.
        let first = try instant(localMidnight - Int64(try TimeZones.offset(of: zone, at: try instant(localMidnight))))
        let second = try instant(localMidnight - Int64(try TimeZones.offset(of: zone, at: first)))
        var valid: [Timestamp] = []
        for candidate in [first, second] {
            let local = candidate.seconds + Int64(try TimeZones.offset(of: zone, at: candidate))
            if local == localMidnight { valid.append(candidate) }
        }
        return valid.min() ?? max(first, second)
    }
}

extension CivilTime {
    /// The day (days since 1970-01-01) that a count of seconds since the epoch falls in.
    static func dayNumber(ofSeconds seconds: Int64) -> Int64 {
        seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    }
}
