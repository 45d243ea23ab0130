import ClearanceCore

/// How strictly waivers are held to the loaded policies and documents.
public struct WaiverChecks: Sendable {
    /// A waiver naming a rule no loaded policy defines: `.error`, or `.note` when the policies were
    /// narrowed on the command line (the rule exists, it is just not part of this run).
    public var unknownRule: Diagnostic.Level
    /// A waiver whose subject matches no loaded document: `.error` (`check`), `.warning` (`lint`),
    /// or `nil` when there are no documents to match it against.
    public var unmatchedSubject: Diagnostic.Level?

    /// Creates the checks.
    public init(unknownRule: Diagnostic.Level = .error, unmatchedSubject: Diagnostic.Level? = .error) {
        self.unknownRule = unknownRule
        self.unmatchedSubject = unmatchedSubject
    }

    /// Both are errors.
    public static let strict = WaiverChecks()
}
