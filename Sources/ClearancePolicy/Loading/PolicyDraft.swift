import ClearanceCore
import ClearanceDocument

/// A policy document after decoding: its values read, its expressions still text.
struct PolicyDraft {
    var node: Node
    var id: String
    var idNode: Node
    var title: String
    var version: String?
    var description: String?
    var target: DocumentKind
    var params: Node?
    /// The params the pack declares, in the order written.
    var parameters: [PolicyParameter] = []
    var rules: [RuleDraft]
}

/// A rule after decoding, its expressions still the nodes they were written in.
struct RuleDraft {
    var node: Node
    var id: String
    var idNode: Node
    var title: String
    var description: String?
    var severity: Severity
    var when: Node?
    var forEach: Node?
    var require: Node
    var message: Node?
    var controls: [Control]
    var remediation: String?
    var gates: [String]
}
