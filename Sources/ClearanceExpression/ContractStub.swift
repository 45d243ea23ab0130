// TEMPORARY: the agreed API of the expression engine, stubbed so the policy layer compiles
// while the engine is written on its own branch. Deleted when that branch merges.
import ClearanceCore
import ClearanceYAML

public struct Declarations: Sendable {
    var names: [String] = []
    var types: [ExpressionType] = []
    public init() {}
    @discardableResult public mutating func declare(_ name: String, as type: ExpressionType) -> Int {
        names.append(name); types.append(type); return names.count - 1
    }
    public func slot(of name: String) -> Int? { names.firstIndex(of: name) }
}

public indirect enum ExpressionType: Hashable, Sendable, CustomStringConvertible {
    case dyn, null, bool, int, uint, double, string, bytes, timestamp, duration, type
    case list(ExpressionType), map(ExpressionType, ExpressionType)
    case object(ObjectType)
    public var description: String { "\(self)" }
}

public final class ObjectType: Hashable, Sendable {
    public let name: String
    public let fields: [String: ExpressionType]
    public let isOpen: Bool
    public init(name: String, fields: [String: ExpressionType], isOpen: Bool) { self.name = name; self.fields = fields; self.isOpen = isOpen }
    public static func == (l: ObjectType, r: ObjectType) -> Bool { l === r }
    public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }
}

public final class Program: Sendable {
    public let source: String
    public var resultType: ExpressionType { .dyn }
    public var constantValue: Value? { nil }
    public var selectPath: (variable: String, fields: [String])? { nil }
    init(source: String) { self.source = source }
    public static func compile(_ source: String, declarations: Declarations) throws(ExpressionError) -> Program { Program(source: source) }
    public func evaluate(_ bindings: Bindings) -> Result<Value, EvaluationError> { .failure(EvaluationError(message: "stub", offset: 0)) }
}

public struct Bindings: Sendable {
    var values: [Value]
    public init(_ declarations: Declarations) { values = Array(repeating: .null, count: declarations.names.count) }
    public subscript(slot: Int) -> Value { get { values[slot] } set { values[slot] = newValue } }
}

public struct ExpressionError: Error, Sendable, Equatable {
    public var code: String, message: String, offset: Int, line: Int, column: Int
    public var rendered: String { "\(line):\(column): \(message)" }
}

public struct EvaluationError: Error, Sendable, Equatable {
    public var message: String, offset: Int
}

public enum Value: Sendable {
    case null, bool(Bool), int(Int64), string(String), timestamp(Timestamp)
    case list([Value])
    case node(Node)
    public var sourceNode: (document: YAMLDocument, id: NodeID)? { if case .node(let n) = self { return (n.document, n.id) }; return nil }
    public init(node: Node) { self = .node(node) }
    public static func lookupMap(_ entries: [String: Value]) -> Value { .null }
}
