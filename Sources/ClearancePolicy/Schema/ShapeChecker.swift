import ClearanceCore
import ClearanceDocument

/// Checks nodes against a ``Shape``: value types, allowed values and required keys, or unknown keys.
///
/// The two checks are separate passes so the policy loader can run them as separate stages;
/// both walk the same shapes. Input documents take both in one pass.
public struct ShapeChecker {
    /// Which of the two checks to run.
    enum Check {
        /// Types, allowed values, required keys.
        case values
        /// Keys that the shape does not define (with a suggestion when one is close).
        case unknownKeys
        /// Both.
        case all
    }

    let check: Check
    /// The shapes' keys as symbols of the table most documents checked are loaded with; without
    /// them (or for a document of another table) keys are compared by name.
    var symbols: ShapeSymbols? = nil

    private var checksValues: Bool { check != .unknownKeys }
    private var checksKeys: Bool { check != .values }

    /// The problems of `node` against `shape`; `name` says what the node is ("rule", "`severity`").
    func problems(_ node: Node, _ shape: Shape, name: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        walk(node.document, node.id, shape, name: { name }, into: &found)
        return found
    }

    /// `name` spells the node's name, only for a problem: every input document is walked, and
    /// most have none. The node is given by identity and its children read by index, so the walk
    /// builds nothing for a node without a problem.
    private func walk(_ document: Document, _ id: NodeID, _ shape: Shape, name: () -> String, into found: inout [Diagnostic]) {
        switch shape {
        case .nullable(let inner):
            if document.kind(id) != .null { walk(document, id, inner, name: name, into: &found) }
        case .list(let element):
            guard document.kind(id) == .sequence else { return mismatch(Node(document: document, id: id), name, shape, into: &found) }
            for index in 0..<document.count(id) {
                walk(document, document.element(index, of: id), element, name: { Self.indexed(name(), index) }, into: &found)
            }
        case .dictionary(let value):
            guard document.kind(id) == .mapping else { return mismatch(Node(document: document, id: id), name, shape, into: &found) }
            for index in 0..<document.count(id) {
                let key = Node(document: document, id: document.key(index, of: id))
                if checksValues, key.string == nil {
                    found.append(Self.diagnostic(key, code: "policy.key", "keys of \(name()) must be strings"))
                }
                walk(document, document.value(index, of: id), value, name: { "\(name()).\(Self.keyText(key))" }, into: &found)
            }
        case .object(let object):
            guard document.kind(id) == .mapping else { return mismatch(Node(document: document, id: id), name, shape, into: &found) }
            checkObject(document, id, object, name: name, into: &found)
        case .oneOf(let shapes):
            // The first shape the node's kind suits is the one it is checked against in full.
            let node = Node(document: document, id: id)
            guard let chosen = shapes.first(where: { Self.matches(node, $0) }) else { return mismatch(node, name, shape, into: &found) }
            walk(document, id, chosen, name: name, into: &found)
        default:
            if checksValues, !Self.matches(document, id, shape) { mismatch(Node(document: document, id: id), name, shape, into: &found) }
        }
    }

    /// Walks a mapping's entries by identity: keys are matched as symbols (by name when the
    /// document's table is not the one of ``symbols``, or for a plain-string key) and names are
    /// only spelt out for a problem, since every input document goes through here.
    private func checkObject(_ document: Document, _ id: NodeID, _ object: ObjectShape, name: () -> String, into found: inout [Diagnostic]) {
        let bySymbol = symbols.flatMap { $0.table === document.symbols ? $0.positions(of: object) : nil }
        var present = ObjectShape.PropertySet()
        for index in 0..<document.count(id) {
            let keyID = document.key(index, of: id)
            let position: Int?
            if let bySymbol, let symbol = document.symbol(keyID) {
                position = bySymbol[symbol]
            } else if document.kind(keyID) == .string {
                position = object.position(named: document.string(keyID))
            } else {
                if checksValues { found.append(Self.diagnostic(Node(document: document, id: keyID), code: "policy.key", "keys of \(name()) must be strings")) }
                continue
            }
            if let position {
                present.insert(position)
                // Read in place: copying a whole `Property` per key costs more than the check itself.
                walk(document, document.value(index, of: id), object.properties[position].shape,
                     name: { object.properties[position].label }, into: &found)
            } else if checksKeys, object.isClosed {
                let key = document.string(keyID)
                let hint = Suggestion.didYouMean(key, among: object.properties.map(\.name), quote: "`")
                found.append(Self.diagnostic(Node(document: document, id: keyID), code: "policy.unknown-key", "unknown key `\(VisibleText.value(key))` in \(object.name)\(hint)"))
            }
        }
        if checksValues {
            for position in object.requiredPositions where !present.contains(position) {
                found.append(Self.diagnostic(Node(document: document, id: id), code: "policy.missing-key", "\(object.name) has no `\(object.properties[position].name)`, which is required"))
            }
        }
    }

    private func mismatch(_ node: Node, _ name: () -> String, _ shape: Shape, into found: inout [Diagnostic]) {
        guard checksValues else { return }
        if node.id == node.document.rootID, node.kind != .mapping {
            // A whole file that is not a mapping may be a secret linked in its place: not a word of it.
            found.append(Self.notAMapping(node, code: "policy.type"))
            return
        }
        var hint = ""
        if case .string(let allowed?) = shape, let text = node.string {
            hint = Suggestion.didYouMean(text, among: allowed)
            if hint.isEmpty, let expanded = Self.expansion(of: text, among: allowed) { hint = " (did you mean '\(expanded)'?)" }
        } else if case .string = shape, node.kind != .string, node.kind != .null, node.kind.isScalar {
            hint = " (quote it to make it a string)"
        } else if let text = node.string, node.style != .plain, let unquoted = Self.unquotedKind(text, shape) {
            hint = " (unquote it to make it \(unquoted))"
        }
        found.append(Self.diagnostic(node, code: "policy.type", "\(name()) must be \(shape.summary); found \(Self.describe(node))\(hint)"))
    }

    /// The one allowed value an abbreviation stands for (`prod` for `production`), if exactly one starts with it.
    private static func expansion(of text: String, among allowed: [String]) -> String? {
        guard text.count >= 3 else { return nil }
        let matches = allowed.filter { $0.lowercased().hasPrefix(text.lowercased()) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// What quoted text would be without its quotes, when that is what the shape wants: a date, a number, a bool.
    private static func unquotedKind(_ text: String, _ shape: Shape) -> String? {
        switch shape {
        case .timestamp:
            guard case .timestamp = TimestampSyntax.parse(text) else { return nil }
            return text.utf8.count == 10 ? "a date" : "a date-time"
        case .integer: return Int64(text) != nil ? "an integer" : nil
        case .boolean: return text == "true" || text == "false" ? "a bool" : nil
        default: return nil
        }
    }

    static func matches(_ node: Node, _ shape: Shape) -> Bool { matches(node.document, node.id, shape) }

    /// Whether the node `id` of `document` has `shape`'s kind (and allowed value or pattern), its children aside.
    static func matches(_ document: Document, _ id: NodeID, _ shape: Shape) -> Bool {
        let kind = document.kind(id)
        switch shape {
        case .string(let allowed):
            guard kind == .string else { return false }
            guard let allowed else { return true }
            return allowed.contains(document.string(id))
        case .pattern(let pattern):
            guard kind == .string else { return false }
            return pattern.matches(document.string(id))
        case .expression: return kind == .string || kind == .bool
        case .template: return kind == .string
        case .boolean: return kind == .bool
        case .integer: return kind == .int
        case .timestamp: return kind == .timestamp
        case .any: return true
        case .nullable(let inner): return kind == .null || matches(document, id, inner)
        case .list: return kind == .sequence
        case .dictionary, .object: return kind == .mapping
        case .oneOf(let shapes): return shapes.contains { matches(document, id, $0) }
        }
    }

    /// How a node looks in a message: `'hgih'`, `12 (an integer)`, `a list`.
    static func describe(_ node: Node) -> String {
        switch node.kind {
        case .string: (node.string ?? "").quotedExcerpt
        case .null: "null"
        case .bool: "\(node.bool ?? false) (a bool)"
        case .int: "\(node.int ?? 0) (an integer)"
        case .double: "\(node.double ?? 0) (a number)"
        case .timestamp: "\(node.timestamp?.rfc3339 ?? "") (a timestamp)"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// The name of a list's element: `` `mfa[0]` `` for `` `mfa` ``.
    private static func indexed(_ name: String, _ index: Int) -> String {
        name.hasSuffix("`") ? name.dropLast() + "[\(index)]`" : name + "[\(index)]"
    }

    static func keyText(_ node: Node) -> String { node.string ?? describe(node) }

    /// The value problems of a node: types, allowed values, required keys.
    public static func values(_ node: Node, _ shape: Shape, name: String) -> [Diagnostic] {
        ShapeChecker(check: .values).problems(node, shape, name: name)
    }

    /// The value problems of a node and the keys its shape does not define, in one pass.
    public static func all(_ node: Node, _ shape: Shape, name: String) -> [Diagnostic] {
        ShapeChecker(check: .all).problems(node, shape, name: name)
    }

    /// The same, matching keys by symbol in documents of the table of `symbols`.
    static func all(_ node: Node, _ shape: Shape, name: String, symbols: ShapeSymbols) -> [Diagnostic] {
        ShapeChecker(check: .all, symbols: symbols).problems(node, shape, name: name)
    }

    /// The keys of a node its shape does not define.
    public static func unknownKeys(_ node: Node, _ shape: Shape, name: String) -> [Diagnostic] {
        ShapeChecker(check: .unknownKeys).problems(node, shape, name: name)
    }

    /// The error for a document whose root is not a mapping: what it is and its size, never its content
    /// (such a file may be a key or a credentials file linked or copied among the inputs).
    public static func notAMapping(_ root: Node, code: String) -> Diagnostic {
        let what = switch root.kind {
        case .string: "a \(root.style == .plain ? "plain" : "quoted") scalar of \(root.string?.count ?? 0) characters"
        case .sequence: "a list of \(root.count) \(root.count == 1 ? "item" : "items")"
        case .null: "null"
        case .bool: "a bool"
        case .int: "an integer"
        case .double: "a number"
        case .timestamp: "a timestamp"
        case .mapping: "a mapping"
        }
        return Diagnostic(code: code, message: "not a YAML mapping document (\(what)); its content is not shown", location: root.location)
    }

    /// A diagnostic at a node, with its source line.
    public static func diagnostic(_ node: Node, code: String, _ message: String) -> Diagnostic {
        let location = node.location
        return Diagnostic(code: code, message: message, location: location, sourceLine: node.document.source.lineText(location.line))
    }
}
