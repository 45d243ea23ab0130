import ClearanceCore
import ClearanceDocument
import ClearanceExpression
import ClearanceRegex

/// The type a pack declares for one of its params, which every value set for it must have.
public enum ParameterType: String, CaseIterable, Sendable {
    /// Any text.
    case string
    /// A whole number.
    case integer
    /// `true` or `false`.
    case boolean
    /// A span of time as `duration()` reads it: `90d`, `24h`, `30m`.
    case duration
    /// A deadline rule: a duration (`24h`), `same-day` or `next-business-day`.
    case window
    /// A regular expression in RE2 syntax, matched with `matches()`.
    case pattern
    /// An IANA time zone name (`America/Mexico_City`) or a fixed offset (`-06:00`).
    case timezone
    /// A list of strings.
    case stringList = "list<string>"
    /// A list of calendar dates (`2026-12-25`), which expressions read as `YYYY-MM-DD` strings.
    case dateList = "list<date>"
    /// A mapping of strings to strings.
    case stringMap = "map<string, string>"
    /// A mapping of strings to lists of strings.
    case stringListMap = "map<string, list<string>>"

    /// The shape a value must have; the checks that go beyond shape are in ``problem(with:)``.
    public func shape(oneOf: [String]? = nil) -> Shape {
        switch self {
        case .string: .string(allowed: oneOf)
        case .integer: .integer
        case .boolean: .boolean
        case .duration: .pattern(Self.durationPattern)
        case .window: .pattern(Self.windowPattern)
        case .pattern, .timezone: .string()
        case .stringList: .list(.string(allowed: oneOf))
        case .dateList: .list(.timestamp)
        case .stringMap: .dictionary(.string(allowed: oneOf))
        case .stringListMap: .dictionary(.list(.string(allowed: oneOf)))
        }
    }

    /// How expressions see a value of this type.
    var expressionType: ExpressionType {
        switch self {
        case .string, .duration, .window, .pattern, .timezone: .string
        case .integer: .int
        case .boolean: .bool
        case .stringList, .dateList: .list(.string)
        case .stringMap: .map(.string, .string)
        case .stringListMap: .map(.string, .list(.string))
        }
    }

    /// What is wrong with a shape-valid value beyond its shape: a pattern that does not compile, an unknown
    /// time zone, a duration out of range; `nil` when nothing is.
    func problem(with node: Node) -> String? {
        if self == .dateList, node.kind == .timestamp, !node.document.isDate(node.id) {
            return "\(node.timestamp?.rfc3339 ?? "it") has a time of day; give the date alone, such as 2026-12-25"
        }
        guard let text = node.string else { return nil }
        switch self {
        case .duration, .window:
            guard Self.durationPattern.matches(text) else { return nil }
            return DurationValue.parse(text) == nil ? "'\(VisibleText.value(text))' is too long a duration" : nil
        case .pattern:
            do throws(RegexSyntaxError) {
                _ = try LinearRegex(text)
                return nil
            } catch {
                return "'\(VisibleText.value(text))' is not a regular expression: \(error)"
            }
        case .timezone:
            return TimeZones.isKnown(text) ? nil : "'\(VisibleText.value(text))' is not a time zone (an IANA name such as America/Mexico_City, or an offset such as -06:00)"
        default:
            return nil
        }
    }

    /// A value of this type as expressions read it: dates of a `list<date>` as `YYYY-MM-DD` strings, the rest as written.
    func value(of node: Node) -> Value {
        guard self == .dateList else { return Value(node: node) }
        return .list(node.elements.map { .string($0.timestamp.map { String($0.rfc3339.prefix(10)) } ?? $0.string ?? "") })
    }

    /// A duration of days, hours, minutes or seconds, such as `90d` or `1h30m`.
    static let durationPattern = TextPattern("^([0-9]+(d|h|m|s))+$", description: "a duration such as 90d, 24h or 30m")
    /// A duration, `same-day` or `next-business-day`.
    static let windowPattern = TextPattern("^(([0-9]+(d|h|m|s))+|same-day|next-business-day)$",
                                           description: "a duration such as 24h, or same-day, or next-business-day")
}
