import ClearanceCore

/// Checked integer arithmetic and time arithmetic: overflow, division by zero and leaving the
/// timestamp or duration range are errors, never wrap-around.
enum Arithmetic {
    static func add<T: FixedWidthInteger>(_ a: T, _ b: T) throws(EvaluationError) -> T {
        try checked(a.addingReportingOverflow(b))
    }

    static func subtract<T: FixedWidthInteger>(_ a: T, _ b: T) throws(EvaluationError) -> T {
        try checked(a.subtractingReportingOverflow(b))
    }

    static func multiply<T: FixedWidthInteger>(_ a: T, _ b: T) throws(EvaluationError) -> T {
        try checked(a.multipliedReportingOverflow(by: b))
    }

    /// Truncating division; dividing by zero, or `Int64.min / -1`, is an error.
    static func divide<T: FixedWidthInteger>(_ a: T, _ b: T) throws(EvaluationError) -> T {
        if b == 0 { throw EvaluationError(message: RuntimeMessages.divisionByZero) }
        return try checked(a.dividedReportingOverflow(by: b))
    }

    /// The remainder of truncating division, with the dividend's sign; modulus by zero is an error.
    static func remainder<T: FixedWidthInteger>(_ a: T, _ b: T) throws(EvaluationError) -> T {
        if b == 0 { throw EvaluationError(message: RuntimeMessages.moduloByZero) }
        return try checked(a.remainderReportingOverflow(dividingBy: b))
    }

    static func negate(_ a: Int64) throws(EvaluationError) -> Int64 {
        try checked(Int64(0).subtractingReportingOverflow(a))
    }

    private static func checked<T: FixedWidthInteger>(_ result: (partialValue: T, overflow: Bool)) throws(EvaluationError) -> T {
        if result.overflow { throw EvaluationError(message: T.isSigned ? RuntimeMessages.intOverflow : RuntimeMessages.uintOverflow) }
        return result.partialValue
    }

    // MARK: Time

    /// A timestamp moved by a duration, or a range error.
    static func add(_ t: Timestamp, _ d: DurationValue) throws(EvaluationError) -> Timestamp {
        let nanos = Int64(t.nanos) + d.nanoseconds % 1_000_000_000
        var seconds = t.seconds + d.nanoseconds / 1_000_000_000  // cannot overflow: both are far from the Int64 limits
        var normalized = nanos
        if normalized < 0 {
            normalized += 1_000_000_000
            seconds -= 1
        } else if normalized >= 1_000_000_000 {
            normalized -= 1_000_000_000
            seconds += 1
        }
        guard let result = Timestamp(seconds: seconds, nanos: Int32(normalized)) else {
            throw EvaluationError(message: RuntimeMessages.timestampRange)
        }
        return result
    }

    /// A timestamp moved back by a duration, or a range error.
    static func subtract(_ t: Timestamp, _ d: DurationValue) throws(EvaluationError) -> Timestamp {
        guard d.nanoseconds != Int64.min else { throw EvaluationError(message: RuntimeMessages.timestampRange) }
        return try add(t, DurationValue(nanoseconds: -d.nanoseconds))
    }

    /// The time between two timestamps, or a range error when it does not fit a duration.
    static func subtract(_ a: Timestamp, _ b: Timestamp) throws(EvaluationError) -> DurationValue {
        guard let result = DurationValue(seconds: a.seconds - b.seconds, nanos: Int64(a.nanos) - Int64(b.nanos)) else {
            throw EvaluationError(message: RuntimeMessages.durationRange)
        }
        return result
    }

    static func add(_ a: DurationValue, _ b: DurationValue) throws(EvaluationError) -> DurationValue {
        let (result, overflow) = a.nanoseconds.addingReportingOverflow(b.nanoseconds)
        if overflow { throw EvaluationError(message: RuntimeMessages.durationRange) }
        return DurationValue(nanoseconds: result)
    }

    static func subtract(_ a: DurationValue, _ b: DurationValue) throws(EvaluationError) -> DurationValue {
        let (result, overflow) = a.nanoseconds.subtractingReportingOverflow(b.nanoseconds)
        if overflow { throw EvaluationError(message: RuntimeMessages.durationRange) }
        return DurationValue(nanoseconds: result)
    }
}
