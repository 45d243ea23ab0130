import ClearanceCore

/// The period an evidence package covers: from the start of its first day to the end of its last (UTC), or between
/// two instants when they were given as date-times.
public struct EvidencePeriod: Sendable, Equatable {
    /// The first instant inside the period.
    public let start: Timestamp
    /// The first instant after the period (the end is exclusive).
    public let end: Timestamp
    /// `--from` as given.
    public let fromText: String
    /// `--to` as given.
    public let toText: String

    /// Reads `--from` and `--to`: each a date (`2026-09-30`, the whole day in UTC) or an RFC 3339 date-time; nil with the
    /// reason when either is not one, or the period is empty.
    public static func parse(from: String, to: String) -> Result<EvidencePeriod, PeriodProblem> {
        guard case .timestamp(let start) = TimestampSyntax.parse(from) else { return .failure(.notADate("--from", from)) }
        guard case .timestamp(let last) = TimestampSyntax.parse(to) else { return .failure(.notADate("--to", to)) }
        // A date names its whole day; a date-time names an instant, which the period includes.
        let isDate = to.utf8.count == 10
        guard let end = Timestamp(seconds: last.seconds + (isDate ? 86_400 : 1)) else { return .failure(.notADate("--to", to)) }
        guard start < end, start <= last else { return .failure(.reversed(from, to)) }
        return .success(EvidencePeriod(start: start, end: end, fromText: from, toText: to))
    }

    /// Whether `time` falls inside the period.
    public func contains(_ time: Timestamp) -> Bool { start <= time && time < end }

    /// Why `--from` or `--to` cannot be used.
    public enum PeriodProblem: Error, Equatable, CustomStringConvertible {
        /// The option's value is not a date or date-time.
        case notADate(String, String)
        /// `--from` is after `--to`.
        case reversed(String, String)

        public var description: String {
            switch self {
            case .notADate(let option, let value):
                "\(option) must be a date (2026-01-01) or an RFC 3339 date-time (2026-01-01T00:00:00Z); got '\(VisibleText.value(value))'"
            case .reversed(let from, let to):
                "--from (\(VisibleText.value(from))) is after --to (\(VisibleText.value(to))): the period would be empty"
            }
        }
    }
}
