import ClearanceEngine
import ClearancePolicy

/// One SARIF result: a failing, erroring or waived finding, or a baseline finding that is gone.
struct SARIFResult: Encodable {
    /// How the result compares with the baseline, when the run had one.
    enum BaselineState: String, Encodable {
        case new, unchanged, absent
    }

    /// What the finding is about, for filtering and for tools that read the log.
    struct Properties: Encodable {
        var subject: String
        var kind: String
        var element: String?
        var status: String
        var policy: String?
    }

    /// The `partialFingerprints` key of a finding's line- and position-independent fingerprint (v2: element identity).
    static let fingerprintKey = "clearanceFindingHash/v2"

    var ruleId: String
    var ruleIndex: Int?
    var level: SARIFLevel?
    var message: SARIFMessage
    var locations: [SARIFLocation]?
    var partialFingerprints: [String: String]
    var suppressions: [SARIFSuppression]?
    var baselineState: BaselineState?
    var properties: Properties

    /// The result of a finding; an error is always an `error`, a waived finding is suppressed by its waiver.
    init(_ finding: Finding, ruleIndex: Int?, baselineState: BaselineState?) {
        ruleId = finding.rule.id
        self.ruleIndex = ruleIndex
        level = finding.status == .error ? .error : SARIFLevel(finding.rule.severity)
        message = SARIFMessage(text: finding.message)
        locations = [SARIFLocation(finding.location)]
        partialFingerprints = [Self.fingerprintKey: finding.fingerprint]
        if finding.status == .waived, let waiver = finding.waiver { suppressions = [SARIFSuppression(waiver)] }
        self.baselineState = baselineState
        properties = Properties(subject: finding.subject, kind: finding.kind.rawValue, element: finding.element,
                                status: finding.status.rawValue, policy: finding.rule.policyID)
    }

    /// The `absent` result of a baseline finding that no longer fails; it has no location, as the baseline records none.
    init(resolved entry: Baseline.Entry, rule: RuleInfo?, ruleIndex: Int?) {
        ruleId = entry.rule
        self.ruleIndex = ruleIndex
        level = rule.map { SARIFLevel($0.severity) }
        message = SARIFMessage(text: entry.message)
        partialFingerprints = [Self.fingerprintKey: entry.fingerprint]
        baselineState = .absent
        properties = Properties(subject: entry.subject, kind: entry.kind, element: entry.element, status: entry.status, policy: rule?.policyID)
    }
}
