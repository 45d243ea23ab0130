import ClearanceCore
import ClearanceDocument

/// A vendor's JSON export read through the YAML loader (JSON is YAML), so every node keeps the byte it starts at,
/// with the checks the JSON formats make of its records and fields; each problem is kept at the node it is about.
struct JSONExport {
    /// The file's single document.
    let root: Node
    /// What one record is, for messages: "member", "user".
    let noun: String
    /// The problems found so far.
    var problems: [Diagnostic] = []
    /// The nodes already reported as not being the object a path goes through.
    private var notObjects: Set<NodeID> = []
    /// Each path's keys, resolved once in the document's symbol table.
    private var resolved: [String: [ResolvedKey]] = [:]

    /// Reads `file`, an export whose records are `noun`s (`what` says what the file is, for messages: "a JSON array of
    /// users (GET /api/v1/users)"); an empty file, a file that is not JSON or that holds more than one document is an error.
    init(_ file: SourceFile, limits: LoaderLimits, noun: String, what: String) throws(Diagnostics) {
        let loader = YAMLLoader(limits: limits, symbols: SymbolTable())
        loader.quotesEveryDocument = true  // an export is named in clearance.yaml, not found among the inputs: its errors may quote it
        let documents: [Document]
        do throws(Diagnostic) {
            documents = try loader.load(bytes: file.text, name: file.path)
        } catch {
            throw Diagnostics([error])
        }
        guard let document = documents.first else {
            throw Diagnostics([Diagnostic(code: "source.empty", message: "the export is empty; expected \(what)", file: file.path)])
        }
        if documents.count > 1 {
            let second = documents[1].root
            throw Diagnostics([ShapeChecker.diagnostic(second, code: "source.json", "a second document in the export; expected one JSON value, \(what)")])
        }
        self.root = document.root
        self.noun = noun
    }

    /// Adds a problem at `node`.
    mutating func problem(_ node: Node, code: String = "source.field", _ message: String) {
        problems.append(ShapeChecker.diagnostic(node, code: code, message))
    }

    /// A problem at `node` about a record read twice, with a note at the `first` reading.
    static func duplicate(_ node: Node, first: Node, _ message: String) -> Diagnostic {
        var diagnostic = ShapeChecker.diagnostic(node, code: "source.duplicate", message)
        let location = first.location
        diagnostic.notes.append(Diagnostic.Note(message: "first read here", location: location, sourceLine: first.document.source.lineText(location.line)))
        return diagnostic
    }

    /// The records `read` makes of the objects among `nodes` (each with the node of its key), in order; a record whose native id
    /// (compared by `key`) an earlier one has is a problem at its key's node, with a note at the first, and is left out. The
    /// records come with the node of each key.
    mutating func uniqueRecords(_ nodes: [Node], named what: String, key: (String) -> String = { $0 },
                                read: (Node, Int, inout JSONExport) -> (ObservedRecord, Node)?) -> (records: [ObservedRecord], keys: [String: Node]) {
        var records: [ObservedRecord] = []
        var keys: [String: Node] = [:]
        for (index, node) in nodes.enumerated() where node.kind == .mapping {
            guard let (record, keyNode) = read(node, index + 1, &self) else { continue }
            if let first = keys[key(record.nativeID)] {
                problems.append(Self.duplicate(keyNode, first: first, "\(what) \(record.nativeID.quotedExcerpt) is listed twice"))
                continue
            }
            keys[key(record.nativeID)] = keyNode
            records.append(record)
        }
        return (records, keys)
    }

    /// The value `table` gives for the string read at `found`, nil when nothing was read; a string the table lacks is a problem
    /// at its node naming `what` ("Okta status") and the strings the table knows.
    mutating func lookup<Value>(_ found: (text: String?, node: Node?), in table: [String: Value], naming what: String) -> Value? {
        guard let text = found.text, let node = found.node else { return nil }
        guard let value = table[text] else {
            problem(node, code: "source.value", "unknown \(what) \(text.quotedExcerpt); expected one of \(table.keys.sorted().joined(separator: ", "))")
            return nil
        }
        return value
    }

    /// The byte offset a node starts at in its file.
    static func offset(_ node: Node) -> Int { node.document.offset(node.id) }

    /// The records, each an object: the elements of the top-level array, or of each of its pages when the array holds
    /// arrays (`gh api --paginate --slurp` writes one array per page). With `wrapper`, an API's page object holding the
    /// records under that key (Graph's `{"value": […]}`, Jamf's `{"totalCount": …, "results": […]}`) is read too, alone or
    /// as the pages of an array. Anything else is a problem at its node.
    mutating func records(expected what: String, wrapper: String? = nil) -> [Node] {
        if let wrapper, root.kind == .mapping {
            guard let list = page(root, wrapper) else {
                if let other = otherPage(root) {
                    problem(root, code: "source.wrong-format", "this looks like \(other), an object without a `\(wrapper)` array; expected \(what)")
                } else {
                    problem(root, code: "source.json", "the export is an object without a `\(wrapper)` array; expected \(what)")
                }
                return []
            }
            var records: [Node] = []
            for item in list.elements { take(item, into: &records) }
            return records
        }
        guard root.kind == .sequence else {
            if root.kind == .mapping, let other = otherPage(root) {
                problem(root, code: "source.wrong-format", "this looks like \(other), an object; expected \(what)")
            } else {
                problem(root, code: "source.json", "the export is \(describedRoot); expected \(what)")
            }
            return []
        }
        var records: [Node] = []
        records.reserveCapacity(root.count)
        for element in root.elements {
            if element.kind == .sequence {
                for item in element.elements { take(item, into: &records) }
            } else if let wrapper, element.kind == .mapping, let list = page(element, wrapper) {
                for item in list.elements { take(item, into: &records) }
            } else {
                take(element, into: &records)
            }
        }
        return records
    }

    /// The array a page object holds under `key`, if it holds one.
    private func page(_ node: Node, _ key: String) -> Node? {
        guard let list = node[ResolvedKey(key, in: root.document.symbols)], list.kind == .sequence else { return nil }
        return list
    }

    private mutating func take(_ node: Node, into records: inout [Node]) {
        records.append(node)
        if node.kind != .mapping { problem(node, code: "source.record", "\(noun) \(records.count) is \(Self.describe(node)); expected an object") }
    }

    /// The value node at `path` (keys joined by `.`) of an object, or nil when it is absent; a step that is not an object is a problem.
    mutating func node(_ path: String, of record: Node) -> Node? { walk(path, of: record).node }

    /// The node at `path`, or nil; `blocked` when a step was not an object (a problem reported once per node).
    private mutating func walk(_ path: String, of record: Node) -> (node: Node?, blocked: Bool) {
        let keys = resolved[path] ?? path.split(separator: ".").map { ResolvedKey(String($0), in: root.document.symbols) }
        if resolved[path] == nil { resolved[path] = keys }
        var current = record
        for (index, key) in keys.enumerated() {
            guard current.kind == .mapping else {
                if notObjects.insert(current.id).inserted {
                    problem(current, "`\(keys[..<index].map(\.name).joined(separator: "."))` is \(Self.describe(current)); expected an object")
                }
                return (nil, true)
            }
            guard let next = current[key] else { return (nil, false) }
            current = next
        }
        return (current, false)
    }

    /// The string at `path` and its node; absent or null gives no text (a problem when `required`), any other type a problem.
    mutating func string(_ path: String, of record: Node, position: Int, required: Bool = false) -> (text: String?, node: Node?) {
        let (found, blocked) = walk(path, of: record)
        guard let found, !found.isNull else {
            if required, !blocked { missing(path, of: record, position: position) }
            return (nil, nil)
        }
        guard let text = found.string else {
            problem(found, "`\(path)` is \(Self.describe(found)); expected a string")
            return (nil, found)
        }
        if required, text.isEmpty { problem(found, "`\(path)` is empty") }
        return (text, found)
    }

    /// The integer at `path` and its node; absent or null gives none (a problem when `required`), any other type a problem.
    mutating func integer(_ path: String, of record: Node, position: Int, required: Bool = false) -> (number: Int64?, node: Node?) {
        let (found, blocked) = walk(path, of: record)
        guard let found, !found.isNull else {
            if required, !blocked { missing(path, of: record, position: position) }
            return (nil, nil)
        }
        guard let number = found.int else {
            problem(found, "`\(path)` is \(Self.describe(found)); expected an integer")
            return (nil, found)
        }
        return (number, found)
    }

    /// The boolean at `path` and its node; absent or null gives none (a problem when `required`), any other type a problem.
    mutating func bool(_ path: String, of record: Node, position: Int, required: Bool = false) -> (flag: Bool?, node: Node?) {
        let (found, blocked) = walk(path, of: record)
        guard let found, !found.isNull else {
            if required, !blocked { missing(path, of: record, position: position) }
            return (nil, found)
        }
        guard let flag = found.bool else {
            problem(found, "`\(path)` is \(Self.describe(found)); expected true or false")
            return (nil, found)
        }
        return (flag, found)
    }

    /// The RFC 3339 date-time at `path` (a JSON string) and its node; absent or null gives none, anything else is a problem.
    mutating func time(_ path: String, of record: Node) -> (time: Timestamp?, node: Node?) {
        let found = node(path, of: record)
        guard let found, !found.isNull else { return (nil, found) }
        if let time = found.timestamp { return (time, found) }
        guard let text = found.string else {
            problem(found, "`\(path)` is \(Self.describe(found)); expected a date-time string")
            return (nil, found)
        }
        switch TimestampSyntax.parse(text, allowDate: false) {
        case .timestamp(let time): return (time, found)
        case .notATimestamp: problem(found, "`\(path)` is \(text.quotedExcerpt), not an RFC 3339 date-time (2026-10-01T08:00:00.000Z)")
        case .invalid(let reason): problem(found, "`\(path)` is \(text.quotedExcerpt), not a valid date-time: \(reason)")
        }
        return (nil, found)
    }

    private mutating func missing(_ path: String, of record: Node, position: Int) {
        problem(record, "\(noun) \(position) has no `\(path)`")
    }

    /// A node's JSON type, with an article, for messages: "a number", "an array".
    static func describe(_ node: Node) -> String {
        switch node.kind {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string, .timestamp: "a string"
        case .sequence: "an array"
        case .mapping: "an object"
        }
    }
}
