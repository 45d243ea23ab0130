import ClearanceDocument

/// Reading YAML mappings and sequences as CEL maps and lists, in place.
enum NodeMaps {
    /// The value under a key of a mapping, found as CEL finds keys; `nil` when absent.
    ///
    /// A string key is looked up in the document's symbol table (never added to it), then
    /// compared as a symbol, and as text with the document's plain-string keys if it has any.
    ///
    /// - Complexity: O(*n*) for a mapping of *n* entries.
    static func value(in document: Document, _ id: NodeID, forKey key: Value) -> NodeID? {
        let count = document.count(id)
        if case .string(let name) = key { return document.value(named: name, in: id) }
        guard let wanted = MapKey(lookingUp: key) else { return nil }
        for position in 0..<count {
            if let stored = MapKey(storing: Value(document: document, id: document.key(position, of: id))), stored == wanted {
                return document.value(position, of: id)
            }
        }
        return nil
    }
}

extension Value {
    /// The number of elements of a list or entries of a map; `nil` for other values.
    var containerCount: Int? {
        switch self {
        case .list(let values): values.count
        case .map(let map): map.count
        case .nodeList(let document, let id), .nodeMap(let document, let id): document.count(id)
        default: nil
        }
    }

    /// The element at a position of a list known to hold more than `position` elements.
    @inline(__always)
    func element(at position: Int) -> Value {
        switch self {
        case .list(let values): return values[position]
        case .nodeList(let document, let id): return Value(document: document, id: document.element(position, of: id))
        default: return .null
        }
    }

    /// The key and value of the entry at a position of a map known to hold more than `position` entries.
    @inline(__always)
    func entry(at position: Int) -> (key: Value, value: Value) {
        switch self {
        case .map(let map): return (map.keys[position], map.values[position])
        case .nodeMap(let document, let id):
            return (Value(document: document, id: document.key(position, of: id)), Value(document: document, id: document.value(position, of: id)))
        default: return (.null, .null)
        }
    }

    /// Whether a map, built or read in place, has an entry under `key`, found as ``lookup(_:)`` finds it; builds no value.
    func hasKey(_ key: Value) -> Bool {
        switch self {
        case .map(let map): map.contains(key)
        case .nodeMap(let document, let id): NodeMaps.value(in: document, id, forKey: key) != nil
        default: false
        }
    }

    /// The value under a key of a map, found as CEL finds keys; `nil` when absent or not a map.
    func lookup(_ key: Value) -> Value? {
        switch self {
        case .map(let map): return map.value(for: key)
        case .nodeMap(let document, let id):
            return NodeMaps.value(in: document, id, forKey: key).map { Value(document: document, id: $0) }
        default: return nil
        }
    }
}
