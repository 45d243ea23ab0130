import ClearanceDocument

/// The way from a document's root to one property its shape defines, through mappings and
/// lists: `access[*].last_review.date`. Used to visit every timestamp, or every timestamp of
/// evidence, of a document without walking the rest of it. Keys are names in the shapes;
/// ``resolved(in:)`` makes them symbols of one table.
struct PropertyPath: Sendable {
    /// One step: a key of a mapping, or every element of a list.
    enum Step: Sendable {
        case key(String)
        case resolvedKey(ResolvedKey)
        case each
    }

    /// A step as a plain value, for reading documents of the table the path was resolved in:
    /// documents are read on several threads at once, and plain steps share no reference counts.
    enum SymbolStep: Sendable {
        case symbol(Symbol)
        case each
    }

    /// The steps, the property's own key last.
    let steps: [Step]
    /// The property the path ends at.
    let property: Property
    /// The steps as symbols of the table the path was resolved in (``resolved(in:)``); empty before.
    private(set) var symbolSteps: [SymbolStep] = []

    init(steps: [Step], property: Property) {
        self.steps = steps
        self.property = property
    }

    /// Every path in `shape` to a property that passes `test`, in the order the shape lists them.
    static func paths(in shape: ObjectShape, where test: (Property) -> Bool) -> [PropertyPath] {
        var found: [PropertyPath] = []
        collect(shape, prefix: [], test, into: &found)
        return found
    }

    private static func collect(_ shape: ObjectShape, prefix: [Step], _ test: (Property) -> Bool, into found: inout [PropertyPath]) {
        for property in shape.properties {
            let steps = prefix + [.key(property.name)]
            if test(property) { found.append(PropertyPath(steps: steps, property: property)) }
            var inner = property.shape.withoutNull
            var through = steps
            while case .list(let element) = inner {
                through.append(.each)
                inner = element.withoutNull
            }
            if case .object(let object) = inner { collect(object, prefix: through, test, into: &found) }
        }
    }

    /// The path with its keys made symbols of `table` (names from the shapes, never from data),
    /// to read documents of that table by symbol.
    func resolved(in table: SymbolTable) -> PropertyPath {
        var path = PropertyPath(steps: steps.map { step in
            switch step {
            case .key(let name): .resolvedKey(ResolvedKey(interning: name, in: table))
            case .resolvedKey(let key): .resolvedKey(key.table === table ? key : ResolvedKey(interning: key.name, in: table))
            case .each: .each
            }
        }, property: property)
        path.symbolSteps = path.steps.map { step in
            if case .resolvedKey(let key) = step { return .symbol(key.symbol!) }  // safe: every key was interned in `table` above
            return .each
        }
        return path
    }

    /// The nodes the path reaches in a document that pass `test` (several through lists, none
    /// where a key is absent), in document order, each with the list positions taken on the way
    /// (see ``written(indices:)``). Builds nothing for a node that does not pass.
    func nodes(from root: Node, where test: (_ document: Document, _ id: NodeID) -> Bool) -> [(node: Node, indices: [Int])] {
        var found: [(node: Node, indices: [Int])] = []
        var indices: [Int] = []
        let document = root.document
        func reached(_ id: NodeID, _ indices: [Int]) {
            if test(document, id) { found.append((Node(document: document, id: id), indices)) }
        }
        visit(document, root.id, step: 0, indices: &indices, reached)
        return found
    }

    private func visit(_ document: Document, _ id: NodeID, step: Int, indices: inout [Int], _ body: (NodeID, [Int]) -> Void) {
        guard step < steps.count else { return body(id, indices) }
        switch steps[step] {
        case .key(let name):
            guard let value = document.value(named: name, in: id) else { return }
            visit(document, value, step: step + 1, indices: &indices, body)
        case .resolvedKey(let key):
            guard let value = document.value(for: key, in: id) else { return }
            visit(document, value, step: step + 1, indices: &indices, body)
        case .each:
            guard document.kind(id) == .sequence else { return }
            for index in 0..<document.count(id) {
                indices.append(index)
                visit(document, document.element(index, of: id), step: step + 1, indices: &indices, body)
                indices.removeLast()
            }
        }
    }

    /// The path as written for the node reached through list positions `indices`: `access[0].last_review.date`.
    func written(indices: [Int]) -> String {
        var text = ""
        var positions = indices.makeIterator()
        for step in steps {
            switch step {
            case .key(let name): text += (text.isEmpty ? "" : ".") + name
            case .resolvedKey(let key): text += (text.isEmpty ? "" : ".") + key.name
            case .each: text += "[\(positions.next() ?? 0)]"
            }
        }
        return text
    }
}
