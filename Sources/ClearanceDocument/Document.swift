import ClearanceCore

/// The identity of a node within its document.
public struct NodeID: Hashable, Sendable {
    /// The node's index among the document's records.
    public let rawValue: UInt32

    init(_ rawValue: UInt32) { self.rawValue = rawValue }
}

/// One YAML document, immutable once loaded: a compact tree with a mark on every node.
///
/// Nodes live in one array of twelve-byte records, children of a container side by side, so a
/// document costs about as much memory as its text. Read it through ``root`` and ``Node``, or,
/// on hot paths, through the ``NodeID``-based accessors here.
public final class Document: Sendable {
    /// The file the document came from.
    public let source: SourceFile
    /// The document's 0-based position in its stream.
    public let position: Int
    /// The identity of the root node.
    public let rootID: NodeID
    /// The table the document's keys are symbols of.
    public let symbols: SymbolTable
    /// Whether some string keys are plain strings, not symbols: keys its table did not know when
    /// the document was read without interning (``KeyInterning/lookUpOnly``).
    public let hasPlainKeys: Bool

    let records: [NodeRecord]
    let spans: [ContainerSpan]
    let strings: [String]
    let wideNumbers: [UInt64]
    let timestamps: [Timestamp]
    /// Columns too wide for a record, by offset; in a compacted document, lines and columns too large for a record
    /// (`line << 32 | column`), by record index.
    let wideColumns: [UInt32: Int]
    /// Whether the keys were let go (``compacted(locatedIn:)``): values stand side by side, each record of a mapping's value
    /// holds its key's symbol where other documents keep the column, and each record its node's line and column where
    /// other documents keep the offset (``NodeRecord``).
    public let isCompacted: Bool
    /// In a compacted document, how many low bits of a record's `offset` hold the node's column (the line is above).
    let placeColumnBits: UInt8
    /// In a compacted document, the key symbols too large for a record (``NodeRecord/spilledKeySymbol``), by value index.
    let wideKeySymbols: [UInt32: UInt32]

    /// Marks a key's identity in a compacted document: the key of the value whose index the rest of the bits hold.
    static let keyBit: UInt32 = 1 << 31

    init(source: SourceFile, position: Int, rootID: NodeID, symbols: SymbolTable, hasPlainKeys: Bool, records: [NodeRecord],
         spans: [ContainerSpan], strings: [String], wideNumbers: [UInt64], timestamps: [Timestamp], wideColumns: [UInt32: Int],
         isCompacted: Bool = false, wideKeySymbols: [UInt32: UInt32] = [:], placeColumnBits: UInt8 = 0) {
        self.source = source
        self.position = position
        self.rootID = rootID
        self.symbols = symbols
        self.hasPlainKeys = hasPlainKeys
        self.records = records
        self.spans = spans
        self.strings = strings
        self.wideNumbers = wideNumbers
        self.timestamps = timestamps
        self.wideColumns = wideColumns
        self.isCompacted = isCompacted
        self.wideKeySymbols = wideKeySymbols
        self.placeColumnBits = placeColumnBits
    }

    /// In a compacted document, the symbol of the key of the value at `index` (`UInt32.max` when it is no mapping's value).
    @inline(__always)
    func keySymbol(ofValueAt index: Int) -> UInt32 {
        let held = records[index].column
        if held < NodeRecord.spilledKeySymbol { return UInt32(held) }
        return held == NodeRecord.spilledKeySymbol ? wideKeySymbols[UInt32(index)] ?? .max : .max
    }

    @inline(__always)
    private static func isKey(_ id: NodeID) -> Bool { id.rawValue & keyBit != 0 }

    /// The record of a node; a key of a compacted document reads its value's (for the place only).
    @inline(__always)
    private func record(_ id: NodeID) -> NodeRecord { records[Int(id.rawValue & ~Self.keyBit)] }

    /// The root node.
    public var root: Node { Node(document: self, id: rootID) }

    /// The same document located in `source`, a copy of its own file (``SourceFile/keepingLines(_:)``); the nodes are shared.
    public func located(in source: SourceFile) -> Document {
        precondition(source.path == self.source.path, "a document moves only to a copy of its own file")
        return Document(source: source, position: position, rootID: rootID, symbols: symbols, hasPlainKeys: hasPlainKeys, records: records,
                        spans: spans, strings: strings, wideNumbers: wideNumbers, timestamps: timestamps, wideColumns: wideColumns,
                        isCompacted: isCompacted, wideKeySymbols: wideKeySymbols, placeColumnBits: placeColumnBits)
    }

    /// The number of nodes in the document (keys included, except in a compacted document; an alias counts once).
    public var nodeCount: Int { records.count }

    // MARK: Node access by identity

    /// The kind of a node.
    public func kind(_ id: NodeID) -> NodeKind { Self.isKey(id) ? .string : records[Int(id.rawValue)].kind }

    /// Where a node starts (in a compacted document, without its byte offset: -1).
    public func location(_ id: NodeID) -> SourceLocation {
        let index = Int(id.rawValue & ~Self.keyBit)
        let record = records[index]
        if isCompacted {
            let place = record.flags.contains(.wideColumn)
                ? wideColumns[UInt32(index)] ?? 0
                : Int(record.offset >> UInt32(placeColumnBits)) << 32 | Int(record.offset & (1 << UInt32(placeColumnBits) - 1))
            return SourceLocation(file: source.path, line: place >> 32, column: place & 0xFFFF_FFFF, offset: -1)
        }
        let column = record.flags.contains(.wideColumn) ? wideColumns[record.offset] ?? NodeRecord.columnLimit : Int(record.column)
        return source.location(offset: Int(record.offset), column: column)
    }

    /// The byte offset where a node starts; -1 in a compacted document, which keeps lines and columns instead.
    public func offset(_ id: NodeID) -> Int { isCompacted ? -1 : Int(record(id).offset) }

    /// A bool node's value.
    public func bool(_ id: NodeID) -> Bool { records[Int(id.rawValue)].payload != 0 }

    /// An int node's value.
    public func int(_ id: NodeID) -> Int64 {
        let record = records[Int(id.rawValue)]
        if record.flags.contains(.inlineInt) { return Int64(Int32(bitPattern: record.payload)) }
        return Int64(bitPattern: wideNumbers[Int(record.payload)])
    }

    /// A double node's value.
    public func double(_ id: NodeID) -> Double { Double(bitPattern: wideNumbers[Int(records[Int(id.rawValue)].payload)]) }

    /// A string node's value.
    public func string(_ id: NodeID) -> String {
        if Self.isKey(id) { return symbols.name(of: Symbol(rawValue: keySymbol(ofValueAt: Int(id.rawValue & ~Self.keyBit)))) }
        let record = records[Int(id.rawValue)]
        if record.flags.contains(.symbol) { return symbols.name(of: Symbol(rawValue: record.payload)) }
        return strings[Int(record.payload)]
    }

    /// The symbol (in ``symbols``) of a string node that is a mapping key, or `nil` for any other
    /// node and for a plain-string key (see ``hasPlainKeys``).
    public func symbol(_ id: NodeID) -> Symbol? {
        if Self.isKey(id) { return Symbol(rawValue: keySymbol(ofValueAt: Int(id.rawValue & ~Self.keyBit))) }
        let record = records[Int(id.rawValue)]
        return record.flags.contains(.symbol) ? Symbol(rawValue: record.payload) : nil
    }

    /// A timestamp node's value.
    public func timestamp(_ id: NodeID) -> Timestamp {
        let record = records[Int(id.rawValue)]
        if record.flags.contains(.inlineInt) {
            return Timestamp(seconds: Int64(Int32(bitPattern: record.payload)) * 86_400)!  // safe: stored from a valid date
        }
        return timestamps[Int(record.payload)]
    }

    /// Whether any timestamp node of the document is later than `time`: one pass over its records, so a caller looking for
    /// such timestamps along some paths can pass over a document that has none.
    public func hasTimestamp(after time: Timestamp) -> Bool {
        records.withUnsafeBufferPointer { records in
            for record in records where record.kind == .timestamp {
                // A date alone (held inline, in days) stands for its midnight.
                let later = record.flags.contains(.inlineInt)
                    ? Int64(Int32(bitPattern: record.payload)) * 86_400 > time.seconds
                    : timestamps[Int(record.payload)] > time
                if later { return true }
            }
            return false
        }
    }

    /// Whether a timestamp node was written as a date alone (`2026-12-15`), not a date-time.
    public func isDate(_ id: NodeID) -> Bool {
        if Self.isKey(id) { return false }
        let record = records[Int(id.rawValue)]
        return record.kind == .timestamp && record.flags.contains(.inlineInt)
    }

    /// A scalar node's resolved value, or `nil` for a container.
    public func scalar(_ id: NodeID) -> Scalar? {
        switch kind(id) {
        case .null: .null
        case .bool: .bool(bool(id))
        case .int: .int(int(id))
        case .double: .double(double(id))
        case .string: .string(string(id))
        case .timestamp: .timestamp(timestamp(id))
        case .sequence, .mapping: nil
        }
    }

    /// The number of elements of a sequence or entries of a mapping; 0 for a scalar.
    public func count(_ id: NodeID) -> Int {
        if Self.isKey(id) { return 0 }
        let record = records[Int(id.rawValue)]
        guard !record.kind.isScalar else { return 0 }
        return Int(spans[Int(record.payload)].count)
    }

    /// The element at `index` of a sequence.
    public func element(_ index: Int, of id: NodeID) -> NodeID {
        let span = spans[Int(records[Int(id.rawValue)].payload)]
        // safe: every caller iterates 0..<count(id) or checks the range first (Node's subscript, CEL's index operator).
        precondition(index >= 0 && index < Int(span.count), "sequence index out of range")
        return NodeID(span.start + UInt32(index))
    }

    /// The key of the entry at `index` of a mapping.
    public func key(_ index: Int, of id: NodeID) -> NodeID {
        let span = spans[Int(records[Int(id.rawValue)].payload)]
        // safe: every caller iterates 0..<count(id).
        precondition(index >= 0 && index < Int(span.count), "mapping index out of range")
        return isCompacted ? NodeID((span.start + UInt32(index)) | Self.keyBit) : NodeID(span.start + UInt32(index) * 2)
    }

    /// The value of the entry at `index` of a mapping.
    public func value(_ index: Int, of id: NodeID) -> NodeID {
        let key = key(index, of: id).rawValue
        return isCompacted ? NodeID(key & ~Self.keyBit) : NodeID(key + 1)
    }

    /// The value stored under a string key, given as a symbol of ``symbols``, in a mapping, or
    /// `nil` when it has none (or has it only as a plain-string key).
    ///
    /// - Complexity: O(*n*) integer comparisons for a mapping of *n* entries.
    public func value(for symbol: Symbol, in id: NodeID) -> NodeID? {
        var noHint = Int.max
        return value(for: symbol, in: id, hint: &noHint)
    }

    /// The value stored under a string key in a mapping, trying entry `hint` first, and setting
    /// `hint` to the entry where the key was found.
    ///
    /// Documents of one kind keep their keys in much the same order, so a caller that remembers
    /// where a field was last found usually finds it with one comparison.
    @inline(__always)
    public func value(for symbol: Symbol, in id: NodeID, hint: inout Int) -> NodeID? {
        guard !Self.isKey(id) else { return nil }
        let record = records[Int(id.rawValue)]
        guard record.kind == .mapping else { return nil }
        let span = spans[Int(record.payload)]
        if isCompacted { return compactedValue(for: symbol, in: span, hint: &hint) }
        if hint >= 0, hint < Int(span.count) {
            let guess = Int(span.start) + hint * 2
            let key = records[guess]
            if key.payload == symbol.rawValue, key.flags.contains(.symbol) { return NodeID(UInt32(guess + 1)) }
        }
        var index = Int(span.start)
        let end = index + Int(span.count) * 2
        while index < end {
            let key = records[index]
            if key.payload == symbol.rawValue, key.flags.contains(.symbol) {
                hint = (index - Int(span.start)) / 2
                return NodeID(UInt32(index + 1))
            }
            index += 2
        }
        return nil
    }

    /// The value stored under a string key in a mapping, or `nil`: the name is looked up in
    /// ``symbols`` (never added), and compared with plain-string keys when the document has any.
    public func value(named name: String, in id: NodeID) -> NodeID? {
        if let symbol = symbols.symbol(named: name), let found = value(for: symbol, in: id) { return found }
        return hasPlainKeys ? plainKeyValue(named: name, in: id) : nil
    }

    /// The value stored under a key resolved once for many documents, or `nil`: by symbol when
    /// the key was resolved in this document's table, else by name.
    public func value(for key: ResolvedKey, in id: NodeID) -> NodeID? {
        guard key.table === symbols, let symbol = key.symbol else { return value(named: key.name, in: id) }
        if let found = value(for: symbol, in: id) { return found }
        return hasPlainKeys ? plainKeyValue(named: key.name, in: id) : nil
    }

    /// The value under a plain-string key (one that is not a symbol) spelled `name`, or `nil`.
    public func plainKeyValue(named name: String, in id: NodeID) -> NodeID? {
        guard !isCompacted else { return nil }  // only a document whose keys are all symbols is compacted
        let record = records[Int(id.rawValue)]
        guard record.kind == .mapping else { return nil }
        let span = spans[Int(record.payload)]
        var index = Int(span.start)
        let end = index + Int(span.count) * 2
        while index < end {
            let key = records[index]
            if key.kind == .string, !key.flags.contains(.symbol), strings[Int(key.payload)] == name { return NodeID(UInt32(index + 1)) }
            index += 2
        }
        return nil
    }

    /// The value stored under a scalar key (of any kind) in a mapping, or `nil`.
    public func value(forKey key: Scalar, in id: NodeID) -> NodeID? {
        if case .string(let name) = key { return value(named: name, in: id) }
        guard kind(id) == .mapping else { return nil }
        for index in 0..<count(id) where scalar(self.key(index, of: id)) == key {
            return value(index, of: id)
        }
        return nil
    }

    /// How a scalar node was written.
    public func style(_ id: NodeID) -> ScalarStyle {
        if Self.isKey(id) { return .plain }
        return ScalarStyle(rawValue: records[Int(id.rawValue)].flags.intersection(.styleMask).rawValue) ?? .plain
    }

    /// Whether the node carried an explicit tag such as `!!str`.
    public func hasExplicitTag(_ id: NodeID) -> Bool { !Self.isKey(id) && records[Int(id.rawValue)].flags.contains(.explicitTag) }

    /// Whether a sequence or mapping was written in flow style (`[...]`, `{...}`).
    public func isFlowStyle(_ id: NodeID) -> Bool { !Self.isKey(id) && records[Int(id.rawValue)].flags.contains(.flowStyle) }

    /// Follows mapping keys from `start`: for each of `symbols` from `first` on, the value under that key in the node
    /// reached so far, trying first the entry `hints` remembers for the step (and remembering where the key was).
    /// Returns the node reached and the index of the first step not taken (`symbols.count` when all were): its key is not
    /// among the node's symbol keys, or the node is not a mapping.
    public func follow(_ symbols: [Symbol], from first: Int, at start: NodeID, hints: LookupHints) -> (node: NodeID, stoppedAt: Int) {
        var id = start
        var index = first
        while index < symbols.count {
            var hint = hints[index]
            guard let child = value(for: symbols[index], in: id, hint: &hint) else { break }
            hints[index] = hint
            id = child
            index += 1
        }
        return (id, index)
    }

    /// ``value(for:in:hint:)`` in a compacted document: the key symbols of the mapping's values side by side.
    @inline(__always)
    private func compactedValue(for symbol: Symbol, in span: ContainerSpan, hint: inout Int) -> NodeID? {
        let start = Int(span.start), count = Int(span.count)
        guard symbol.rawValue < UInt32(NodeRecord.spilledKeySymbol) else {
            for index in start..<(start + count) where keySymbol(ofValueAt: index) == symbol.rawValue {
                hint = index - start
                return NodeID(UInt32(index))
            }
            return nil
        }
        let wanted = UInt16(symbol.rawValue)
        // safe: a span lies within the records (checked here once, so the scan below reads without a check per entry).
        precondition(start >= 0 && start + count <= records.count, "a mapping's values lie within its document's records")
        return records.withUnsafeBufferPointer { records in
            guard let base = records.baseAddress else { return nil }
            let values = base + start
            if hint >= 0, hint < count, values[hint].column == wanted { return NodeID(UInt32(start + hint)) }
            for index in 0..<count where values[index].column == wanted {
                hint = index
                return NodeID(UInt32(start + index))
            }
            return nil
        }
    }
}
