import ClearanceCore
import ClearanceDocument

/// One param a pack declares: its type, its default and what it means.
public struct PolicyParameter: Sendable {
    /// The name expressions read, as in `params.review_cadence`.
    public let name: String
    /// The type every value set for it must have.
    public let type: ParameterType
    /// The values a string (or the strings of a list or map) may take, when the pack limits them.
    public let oneOf: [String]?
    /// The value used when `clearance.yaml` sets none.
    public let defaultValue: Node
    /// What the param means, in one line.
    public let description: String
    /// Where the pack declares it.
    public let location: SourceLocation

    /// The shape a value of the param must have.
    public var shape: Shape { type.shape(oneOf: oneOf) }

    /// The type in words, with the allowed values: `duration`, `string (one of a, b)`.
    public var typeText: String {
        oneOf.map { "\(type.rawValue) (one of \($0.joined(separator: ", ")))" } ?? type.rawValue
    }

    /// Every problem of `value` as a value of this param, each at its place; `what` names it in messages.
    public func problems(with value: Node, what: String) -> [Diagnostic] {
        var found = ShapeChecker.values(value, shape, name: what)
        if found.isEmpty {
            for node in value.kind == .string ? [value] : value.elements + value.entries.map(\.value) {
                if let problem = type.problem(with: node) {
                    found.append(ShapeChecker.diagnostic(node, code: "settings.value", "\(what) must be \(type.rawValue): \(problem)"))
                }
            }
        }
        return found
    }
}

/// A param's value in effect for a run, and where it was set.
public struct ParameterSetting: Sendable {
    /// The declared param.
    public let parameter: PolicyParameter
    /// The value expressions read.
    public let value: Node
    /// Where `clearance.yaml` sets it; `nil` when the pack's default holds.
    public let setAt: SourceLocation?

    /// The origin in words: `pack default` or `clearance.yaml:4:21`.
    public var originText: String { setAt.map(\.description) ?? "pack default" }
}
