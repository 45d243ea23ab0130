import ClearanceCore
import ClearanceEngine
import ClearanceExpression
import ClearancePolicy
import ClearanceReporting
import Crypto

/// A person's pre-credentials gate as `GET /v1/people/{id}/clearance` answers it: the state, each gate item with its status,
/// message and place, and the snapshot revision (``AnswerCache`` adds the evaluation time per request). The gate is the one `clearance checklist` shows
/// (``Checklist``, ``CredentialsGate``): an item that could not be evaluated is open, so the answer is never `cleared` then.
struct ClearanceAnswer {
    let person: InputDocument
    let checklist: Checklist
    let gate: CredentialsGate
    let revision: String

    /// The person's answer from the snapshot at `time`, from the gate's rules alone; a problem when no gate rule is loaded or
    /// an evaluation ran out of steps.
    init(_ person: InputDocument, in snapshot: ServerSnapshot, at time: Timestamp) throws(Problem) {
        let report = snapshot.engine.evaluate([person], at: time, rules: snapshot.gateRules)
        try Self.requireWithinBudget(report.findings)
        let subject = Subject(person, naming: report.catalogue.kinds.descriptor(person.kind)?.naming)
        let checklist = Checklist(subject: subject, in: report)
        guard let gate = checklist.gate else {
            throw Problem(.unprocessableContent, kind: "no-gate", title: "No pre-credentials rule is loaded",
                          detail: "no loaded rule belongs to the pre-credentials gate (`gates: [pre-credentials]`), so nothing decides clearance")
        }
        self.person = person
        self.checklist = checklist
        self.gate = gate
        self.revision = snapshot.revision
    }

    /// A 422 when any finding is an evaluation stopped at its step budget: its outcome is unknown, not a fail.
    static func requireWithinBudget(_ findings: [Finding]) throws(Problem) {
        let stopped = findings.filter { $0.status == .error && StepBudget.wasExceeded($0.message) }
        guard !stopped.isEmpty else { return }
        var problem = Problem(.unprocessableContent, kind: "step-budget", title: "An evaluation ran over its step budget",
                              detail: "rule\(stopped.count == 1 ? "" : "s") \(Set(stopped.map(\.rule.id)).sorted().joined(separator: ", ")) could not be evaluated within the step budget")
        problem.extra.append(("findings", .array(stopped.map { JSONReporter.finding($0, baseline: nil) })))
        throw problem
    }

    /// The state as the API names it: `cleared`, `blocked`, `breached`, `not_applicable`.
    var state: String { gate.state == .notApplicable ? "not_applicable" : gate.state.rawValue }

    /// The body without its time, `evaluatedAt`, which ``AnswerCache/Entry/stamped(at:)`` adds as its last member: what the
    /// entity tag digests and the cache keeps.
    var unstamped: JSONText {
        .object([
            ("person", .string(person.id)), ("name", .optional(checklist.subject.name)), ("status", .optional(checklist.subject.status)),
            ("state", .string(state)), ("reason", .string(gate.reason)),
            ("items", .array(gate.items.map(Self.item))),
            ("revision", .string(revision)),
        ])
    }

    /// The entity tag of an answer whose body without its time is `unstamped` (compact JSON): the snapshot revision and a
    /// digest of that body, so a conditional request is answered 304 only while the same snapshot gives the same answer
    /// (a training that expires changes it).
    static func entityTag(revision: String, unstamped: String) -> String {
        "\"\(revision)-\(SHA256.hash(data: Array(unstamped.utf8)).lowercaseHex.prefix(16))\""
    }

    /// One gate item: the rule, its status (the worst of its findings; `null` without any), and the message and place of the
    /// finding that decides it (the rule's title and no place when it passed).
    static func item(_ item: ChecklistItem) -> JSONText {
        let deciding = item.findings.first { $0.status == item.status }
        let shown = deciding.flatMap { $0.needsAttention ? $0 : nil }
        return .object([
            ("rule", .string(item.rule.id)), ("title", .string(item.rule.title)), ("severity", .string(item.rule.severity.rawValue)),
            ("status", .optional(item.status?.rawValue)), ("met", .bool(item.isMet)),
            ("message", .string(shown?.message ?? item.rule.title)),
            ("location", shown.map { location($0.location) } ?? .null),
            ("findings", .array(item.findings.filter(\.needsAttention).map { JSONReporter.finding($0, baseline: nil) })),
        ])
    }

    /// A place as the JSON report writes it.
    static func location(_ location: SourceLocation) -> JSONText {
        .object([("file", .string(location.file)), ("line", .int(Int64(location.line))), ("column", .int(Int64(location.column)))])
    }
}
