import ClearanceDocument

/// The values of an expression's variables, by slot; build once per document and reuse across programs.
public struct Bindings: Sendable {
    var values: [Value?]
    /// The document node each slot holds when its value is a document mapping or list, unretained (the value in
    /// `values` keeps the document alive): a field path reads its start here without a reference count.
    var nodes: [NodeCursor?]

    /// Bindings with a slot for every declared variable, all unbound.
    public init(_ declarations: Declarations) {
        values = Array(repeating: nil, count: declarations.count)
        nodes = Array(repeating: nil, count: declarations.count)
    }

    /// No variables: what an expression of constants alone is evaluated over.
    static let empty = Bindings(values: [], nodes: [])

    private init(values: [Value?], nodes: [NodeCursor?]) {
        self.values = values
        self.nodes = nodes
    }

    /// The value in a slot (`null` when unbound); setting a slot past the end grows the bindings.
    public subscript(slot: Int) -> Value {
        get { slot >= 0 && slot < values.count ? values[slot] ?? .null : .null }
        set {
            guard slot >= 0 else { return }
            if slot >= values.count {
                values += Array(repeating: nil, count: slot - values.count + 1)
                nodes += Array(repeating: nil, count: slot - nodes.count + 1)
            }
            values[slot] = newValue
            switch newValue {
            case .nodeMap(let document, let id), .nodeList(let document, let id):
                nodes[slot] = NodeCursor(document: .passUnretained(document), id: id)
            default: nodes[slot] = nil
            }
        }
    }

    /// Binds a slot to a document node: the value of ``Value/init(document:id:)``, made once, with its node noted for field
    /// paths (a `for_each` element, bound once per element of every list).
    public mutating func bind(_ slot: Int, node id: NodeID, of document: Document) {
        guard slot >= 0, slot < values.count else { return self[slot] = Value(document: document, id: id) }
        values[slot] = Value(document: document, id: id)
        nodes[slot] = switch document.kind(id) {
        case .mapping, .sequence: NodeCursor(document: .passUnretained(document), id: id)
        default: nil
        }
    }

    /// Whether a value is bound in a slot.
    public func isBound(_ slot: Int) -> Bool { slot >= 0 && slot < values.count && values[slot] != nil }

    /// Clears a slot.
    public mutating func unbind(_ slot: Int) {
        if slot >= 0 && slot < values.count {
            values[slot] = nil
            nodes[slot] = nil
        }
    }
}

/// How ``Program/compile(_:declarations:options:)`` compiles and how evaluation is bounded.
public struct CompileOptions: Sendable {
    /// Whether to type-check; without it unknown names and functions fail only when evaluated.
    public var checksTypes = true
    /// The most steps one evaluation may take (roughly, expression nodes evaluated).
    public var stepBudget = 1_000_000
    /// The longest expression accepted, in UTF-8 bytes.
    public var maximumLength = 100_000
    /// The deepest nesting accepted.
    public var maximumDepth = 250

    /// The defaults: checked, 1,000,000 steps, 100,000 bytes, 250 levels.
    public init() {}
}
