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

    /// The steps, the property's own key last.
    let steps: [Step]
    /// The property the path ends at.
    let property: Property

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
        PropertyPath(steps: steps.map { step in
            if case .key(let name) = step { return .resolvedKey(ResolvedKey(interning: name, in: table)) }
            return step
        }, property: property)
    }

    /// The nodes the path reaches in a document (several through lists, none where a key is
    /// absent), each with the list positions taken on the way (see ``written(indices:)``).
    func nodes(from root: Node) -> [(node: Node, indices: [Int])] {
        var current: [(node: Node, indices: [Int])] = [(root, [])]
        for step in steps {
            var next: [(node: Node, indices: [Int])] = []
            for (node, indices) in current {
                switch step {
                case .key(let name):
                    if let value = node[name] { next.append((value, indices)) }
                case .resolvedKey(let key):
                    if let value = node[key] { next.append((value, indices)) }
                case .each:
                    guard node.kind == .sequence else { continue }
                    for (index, element) in node.elements.enumerated() { next.append((element, indices + [index])) }
                }
            }
            current = next
            if current.isEmpty { break }
        }
        return current
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
