import ClearanceCore
import ClearanceExpression

/// One control of a policy, compiled: what it checks, where, and what to say when it fails.
public final class Rule: Sendable {
    /// Unique across every loaded policy, such as `ZT-01`.
    public let id: String
    /// What the control requires.
    public let title: String
    /// Why it matters.
    public let description: String?
    /// How serious a failure is: the pack's severity, or the one `clearance.yaml` gives it.
    public let severity: Severity
    /// The severity the pack gives the rule.
    public let packSeverity: Severity
    /// The id of the policy the rule belongs to.
    public let policyID: String
    /// The kind of document the rule is evaluated on.
    public let target: DocumentKind
    /// Only documents (or elements) for which this holds are checked.
    public let when: CompiledExpression?
    /// The list checked element by element, when the rule has one.
    public let forEach: ForEach?
    /// What must hold.
    public let require: CompiledExpression
    /// What a failure says.
    public let message: MessageTemplate
    /// The framework controls the rule evidences, sorted.
    public let controls: [Control]
    /// How to fix a failure.
    public let remediation: String?
    /// The gates the rule belongs to, such as `pre-credentials`.
    public let gates: [String]
    /// Where the rule is written.
    public let location: SourceLocation
    /// The rule's position among every loaded rule, for compact references.
    public let index: Int
    /// What reports say about the rule.
    public let info: RuleInfo
    /// The fields the rule reads, for pointing a failing finding at the one that decided it.
    public let blame: RuleBlame
    /// The programs of `when` and of the `for_each` list, unretained (the rule holds them): evaluating a rule reads them
    /// for every subject, and taking one out of its optional would count a reference each time.
    public let unretainedWhen: Unmanaged<Program>?
    /// See ``unretainedWhen``.
    public let unretainedList: Unmanaged<Program>?
    /// The message's pieces, unretained (the rule holds them), for the same reason.
    public let unretainedMessage: Unmanaged<MessagePieces>

    init(id: String, title: String, description: String?, severity: Severity, packSeverity: Severity, policyID: String, target: DocumentKind, targetBinding: String,
         when: CompiledExpression?, forEach: ForEach?, require: CompiledExpression, message: MessageTemplate,
         controls: [Control], remediation: String?, gates: [String], location: SourceLocation, index: Int, policyTitle: String) {
        self.id = id
        self.title = title
        self.description = description
        self.severity = severity
        self.packSeverity = packSeverity
        self.policyID = policyID
        self.target = target
        self.when = when
        self.forEach = forEach
        self.require = require
        self.message = message
        self.controls = controls
        self.remediation = remediation
        self.gates = gates
        self.location = location
        self.index = index
        self.info = RuleInfo(id: id, title: title, description: description, policyID: policyID, policyTitle: policyTitle,
                             severity: severity, controls: controls, remediation: remediation, gates: gates, target: target)
        self.blame = RuleBlame(require: require.program, when: when?.program, forEach: forEach, documentVariable: targetBinding)
        self.unretainedWhen = when.map { .passUnretained($0.program) }
        self.unretainedList = forEach.map { .passUnretained($0.list.program) }
        self.unretainedMessage = .passUnretained(message.pieces)
    }

    /// Whether the rule must pass before credentials are issued.
    public var isPreCredentials: Bool { info.isPreCredentials }
}
