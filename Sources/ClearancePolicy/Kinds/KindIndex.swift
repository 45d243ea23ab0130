import ClearanceDocument
import ClearanceExpression

/// A map a kind contributes from one field's value to the ids of the documents that hold it
/// (`member_emails`: each email to the members recorded with it).
///
/// It is built once per snapshot in one pass over the documents, so a rule can tell whether a
/// value is unique (`size(member_emails[member.email]) == 1`) without scanning every document
/// for each one. Documents without the field, or with a value that is not a string, are left out.
public struct KindIndex: Sendable {
    /// The name expressions use for the map: `member_emails`.
    public let name: String
    /// The path of the field whose value keys the map: `["identity", "idp_id"]`.
    public let path: [String]
    /// What the map gives for a value: the ids of the documents holding it, or the documents themselves.
    public let holds: Holding

    /// What an index's map gives for each value.
    public enum Holding: Sendable {
        /// The ids of the documents holding the value (`member_emails`).
        case ids
        /// The documents holding the value (`accounts_of`: each person's accounts).
        case documents
    }

    /// Creates an index of the field at `path`, read as `name`, giving ids or documents.
    public init(name: String, path: [String], holds: Holding = .ids) {
        self.name = name
        self.path = path
        self.holds = holds
    }

    /// The map over documents given by id and root: each string value of the field at ``path`` to the ids of the
    /// documents holding it (or the documents, as ``holds`` says), in document order, built in one pass.
    public func map(ids: [String], roots: [Node]) -> Value {
        var keys: [String] = [], holders: [[Value]] = [], slot: [String: Int] = [:]
        keys.reserveCapacity(ids.count)
        holders.reserveCapacity(ids.count)
        slot.reserveCapacity(ids.count)
        // The path's keys, resolved once in each symbol table the documents share.
        var resolved: (table: SymbolTable, keys: [ResolvedKey])?
        for (id, root) in zip(ids, roots) {
            let table = root.document.symbols
            let fieldKeys = if let resolved, resolved.table === table { resolved.keys } else { path.map { ResolvedKey($0, in: table) } }
            resolved = (table, fieldKeys)
            var node: Node? = root
            for key in fieldKeys { node = node?[key] }
            guard let value = node?.string else { continue }
            let holder = holds == .ids ? Value.string(id) : Value(node: root)
            if let at = slot[value] {
                holders[at].append(holder)
            } else {
                slot[value] = keys.count
                keys.append(value)
                holders.append([holder])
            }
        }
        return .map(ValueMap(uniqueStringKeys: keys, values: holders.map { .list($0) }))
    }
}
