import ClearanceCore

/// Checked integer arithmetic and time arithmetic: overflow, division by zero and leaving the
/// timestamp or duration range are errors, never wrap-around.
enum Arithmetic {
    static func add(_ a: Int64, _ b: Int64) throws(EvaluationError) -> Int64 {
        let (result, overflow) = a.addingReportingOverflow(b)
        if overflow { throw EvaluationError(message: RuntimeMessages.intOverflow) }
        return result
    }

    static func subtract(_ a: Int64, _ b: Int64) throws(EvaluationError) -> Int64 {
        let (result, overflow) = a.subtractingReportingOverflow(b)
        if overflow { throw EvaluationError(message: RuntimeMessages.intOverflow) }
        return result
    }

    static func multiply(_ a: Int64, _ b: Int64) throws(EvaluationError) -> Int64 {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        if overflow { throw EvaluationError(message: RuntimeMessages.intOverflow) }
        return result
    }

    static func divide(_ a: Int64, _ b: Int64) throws(EvaluationError) -> Int64 {
        if b == 0 { throw EvaluationError(message: RuntimeMessages.divisionByZero) }
        let (result, overflow) = a.dividedReportingOverflow(by: b)
        if overflow { throw EvaluationError(message: RuntimeMessages.intOverflow) }
        return result
    }

    static func remainder(_ a: Int64, _ b: Int64) throws(EvaluationError) -> Int64 {
        if b == 0 { throw EvaluationError(message: RuntimeMessages.moduloByZero) }
        let (result, overflow) = a.remainderReportingOverflow(dividingBy: b)
        if overflow { throw EvaluationError(message: RuntimeMessages.intOverflow) }
        return result
    }

    static func negate(_ a: Int64) throws(EvaluationError) -> Int64 {
        if a == Int64.min { throw EvaluationError(message: RuntimeMessages.intOverflow) }
        return -a
    }

    static func add(_ a: UInt64, _ b: UInt64) throws(EvaluationError) -> UInt64 {
        let (result, overflow) = a.addingReportingOverflow(b)
        if overflow { throw EvaluationError(message: RuntimeMessages.uintOverflow) }
        return result
    }

    static func subtract(_ a: UInt64, _ b: UInt64) throws(EvaluationError) -> UInt64 {
        let (result, overflow) = a.subtractingReportingOverflow(b)
        if overflow { throw EvaluationError(message: RuntimeMessages.uintOverflow) }
        return result
    }

    static func multiply(_ a: UInt64, _ b: UInt64) throws(EvaluationError) -> UInt64 {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        if overflow { throw EvaluationError(message: RuntimeMessages.uintOverflow) }
        return result
    }

    static func divide(_ a: UInt64, _ b: UInt64) throws(EvaluationError) -> UInt64 {
        if b == 0 { throw EvaluationError(message: RuntimeMessages.divisionByZero) }
        return a / b
    }

    static func remainder(_ a: UInt64, _ b: UInt64) throws(EvaluationError) -> UInt64 {
        if b == 0 { throw EvaluationError(message: RuntimeMessages.moduloByZero) }
        return a % b
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
