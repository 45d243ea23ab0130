import ClearanceCore

/// Finds waivers that accept more risk than a reviewer would expect: one that covers every
/// subject of a rule, or one that runs for more than a year.
public struct WaiverLinter: Sendable {
    /// The longest a waiver may run, from the evaluation time, before it is worth a warning.
    public static let longestTerm: Int64 = 366 * 86_400

    /// The evaluation time expiries are measured from.
    public let now: Timestamp

    /// Creates a linter that measures expiries from `now`.
    public init(now: Timestamp) { self.now = now }

    /// The warnings about `waivers`, sorted by location.
    public func warnings(_ waivers: [Waiver]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for waiver in waivers {
            if waiver.subject == "*" {
                warnings.append(warning("lint.waiver-every-subject",
                                        "waiver \(waiver.id) covers every subject of \(waiver.ruleID) (`subject: *`): name the subjects it accepts instead",
                                        at: waiver.subjectLocation, waiver))
            }
            if waiver.expiresAt.seconds - now.seconds > Self.longestTerm {
                warnings.append(warning("lint.waiver-long-term",
                                        "waiver \(waiver.id) expires \(waiver.expiresText), more than a year after \(now.rfc3339.prefix(10)): accept the risk for a year at most and review it again",
                                        at: waiver.expiresLocation, waiver))
            }
        }
        return warnings.sorted()
    }

    private func warning(_ code: String, _ message: String, at location: SourceLocation, _ waiver: Waiver) -> Diagnostic {
        var diagnostic = Diagnostic(code: code, message: message, location: location, sourceLine: waiver.source.lineText(location.line))
        diagnostic.level = .warning
        return diagnostic
    }
}
