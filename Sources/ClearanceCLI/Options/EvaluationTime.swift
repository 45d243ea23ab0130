import ArgumentParser
import ClearanceCore

/// `--as-of`: the time a run evaluates at, the current time unless given.
struct EvaluationTime: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The evaluation time: a date (2026-11-20, midnight UTC) or an RFC 3339 date-time (default: now).", valueName: "time"))
    var asOf: String?

    func validate() throws {
        if let asOf, Self.timestamp(asOf) == nil {
            throw ValidationError("--as-of must be a date (2026-11-20) or an RFC 3339 date-time (2026-11-20T09:00:00Z); got '\(asOf)'")
        }
    }

    /// The timestamp a date or an RFC 3339 date-time names, if the text is one.
    static func timestamp(_ text: String) -> Timestamp? {
        if case .timestamp(let value) = TimestampSyntax.parse(text) { return value }
        return nil
    }

    /// The evaluation time.
    var now: Timestamp {
        asOf.flatMap(Self.timestamp) ?? Session.currentTime()
    }
}
