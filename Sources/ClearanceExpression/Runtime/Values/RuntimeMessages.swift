import ClearanceCore

/// Every message evaluation produces, in one place.
enum RuntimeMessages {
    static func noSuchKey(_ key: String) -> String { "no such key: \(key)" }
    static func noSuchKey(_ key: Value) -> String { "no such key: \(key.keyDescription.cut(toUTF8Length: quotedLength))" }
    static func noMatchingOverload(_ function: String, _ arguments: [Value]) -> String {
        "no matching overload for '\(Operator.display(function))' applied to (\(arguments.map { $0.kindName }.joined(separator: ", ")))"
    }
    static func noSuchField(_ field: String, on value: Value) -> String {
        "type '\(value.kindName)' does not support field selection (selecting '\(field)')"
    }
    static func unsupportedKey(_ key: Value) -> String { "unsupported map key type: \(key.kindName)" }
    static func repeatedKey(_ key: Value) -> String { "repeated map key: \(key.description(maxLength: quotedLength))" }
    static func indexOutOfRange(_ index: Int64, count: Int) -> String { "index out of range: \(index) (size \(count))" }
    static func invalidIndex(_ index: Value) -> String { "invalid list index: \(index)" }
    static let divisionByZero = "division by zero"
    static let moduloByZero = "modulus by zero"
    static let intOverflow = "integer overflow"
    static let uintOverflow = "unsigned integer overflow"
    static let timestampRange = "timestamp out of range (0001-01-01 to 9999-12-31)"
    static let durationRange = "duration out of range (about ±292 years)"
    static let nanOrdering = "NaN values cannot be ordered"
    static func conversionRange(_ type: String, _ value: Value) -> String { "\(value) is out of range for \(type)" }
    static func cannotConvert(_ text: String, to type: String) -> String { "cannot convert \(quoted(text)) to \(type)" }
    static let invalidUTF8 = "bytes are not valid UTF-8 and cannot become a string"
    static func invalidTimestamp(_ text: String, _ reason: String) -> String { "invalid timestamp \(quoted(text)): \(reason)" }
    static func invalidDuration(_ text: String) -> String {
        "invalid duration \(quoted(text)): expected a form like \"1h30m\", \"90s\" or \"30d\", within about ±292 years"
    }
    static func invalidTimeZone(_ zone: String) -> String { "unknown time zone \(quoted(zone))" }
    static func invalidWindow(_ window: String) -> String {
        "unknown window \(quoted(window)): expected a duration such as '24h', 'same-day' or 'next-business-day'"
    }
    static func invalidHoliday(_ day: Value) -> String { "holiday \(day.description(maxLength: quotedLength)) is not a date such as '2026-12-25'" }
    static func noBusinessDay(_ days: Int) -> String { "no business day in the \(days) days after the start: the holidays cover them all" }
    static func invalidRegex(_ pattern: String, _ reason: String) -> String { "invalid regular expression \(quoted(pattern)): \(reason)" }
    static func unbound(_ name: String) -> String { "no value is bound to '\(name)'" }
    static func undeclared(_ name: String) -> String { "undeclared reference to '\(name)'" }
    static func unknownFunction(_ name: String) -> String { "unknown function '\(name)'" }
    static func budgetExceeded(_ budget: Int) -> String { "evaluation took more than \(budget)" + StepBudget.exceededEnding }
    /// The most UTF-8 bytes of a value from the data that a message quotes; longer ones are cut with `…`.
    static let quotedLength = 200

    /// Text from the data as a quoted string literal, cut after ``quotedLength`` bytes.
    static func quoted(_ text: String) -> String { Value.string(text.cut(toUTF8Length: quotedLength)).description }

    static func notBool(_ function: String, _ value: Value) -> String {
        "no matching overload for '\(Operator.display(function))' applied to (\(value.kindName))"
    }
}
