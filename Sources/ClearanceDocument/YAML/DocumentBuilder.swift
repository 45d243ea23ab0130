import ClearanceCore

/// Builds one document's arena from parser events, checking keys, depth and alias expansion.
///
/// Children of an open container wait on `stack`; when the container ends they move, side by
/// side, into `records`, and the container becomes one record on the stack of its parent.
/// An alias pushes a copy of its anchor's record, so expanding it costs nothing; its expanded
/// size is still counted against the limit. The scratch arrays are reused from one document
/// to the next.
struct DocumentBuilder {
    /// An open sequence or mapping.
    struct Frame {
        var kind: NodeKind
        var stackStart: Int
        var offset: UInt32
        var column: Int
        var flags: NodeRecord.Flags
        var anchor: String?
        var keys: Set<KeyIdentity>?
        /// Nodes the container's children expand to so far (aliases counted in full).
        var expandedSize: UInt64 = 0
    }

    /// A node registered under an anchor, with the number of nodes it expands to.
    struct Anchored {
        var record: NodeRecord
        var size: UInt64
    }

    /// The value of a key, for finding duplicates.
    enum KeyIdentity: Hashable {
        case symbol(UInt32), plain(UInt32), null, bool(Bool), int(Int64), double(UInt64), timestamp(Timestamp)
    }

    let limits: LoaderLimits
    private(set) var stack: [NodeRecord] = []
    private(set) var frames: [Frame] = []
    private var records: [NodeRecord] = []
    private var spans: [ContainerSpan] = []
    private var strings: [String] = []
    private var wideNumbers: [UInt64] = []
    private var timestamps: [Timestamp] = []
    private var wideColumns: [UInt32: Int] = [:]
    private var anchors: [String: Anchored] = [:]
    private var aliasExpansion: UInt64 = 0
    private var symbolCache: SymbolCache
    private var stringPool: StringPool
    /// This document's keys that are plain strings (unknown to the table when only looking up),
    /// each with its index in `strings`, so a key spelled twice is stored alike both times.
    private var plainKeys = ByteKeyedTable()
    private var hasPlainKeys = false

    /// Large mappings switch from pairwise key comparison to a hash set.
    private static let keySetThreshold = 16

    /// A builder whose documents' keys are symbols of `symbols`, added to it or only looked up.
    init(limits: LoaderLimits, symbols: SymbolTable, interning: KeyInterning) {
        self.limits = limits
        self.symbolCache = SymbolCache(symbols: symbols, interning: interning)
        self.stringPool = StringPool(capacity: interning == .intern ? StringPool.snapshotCapacity : StringPool.requestCapacity)
    }

    /// Clears the per-document state, keeping capacity.
    mutating func beginDocument() {
        stack.removeAll(keepingCapacity: true)
        frames.removeAll(keepingCapacity: true)
        records.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
        strings.removeAll(keepingCapacity: true)
        wideNumbers.removeAll(keepingCapacity: true)
        timestamps.removeAll(keepingCapacity: true)
        wideColumns.removeAll(keepingCapacity: true)
        anchors.removeAll(keepingCapacity: true)
        aliasExpansion = 0
        expectsKey = false
        if hasPlainKeys { plainKeys.removeAll() }
        hasPlainKeys = false
        stringPool.beginDocument()
    }

    /// Whether the next node is a mapping key: kept up to date as containers open and close and
    /// nodes are pushed (it is asked several times for every event).
    private(set) var expectsKey = false

    /// Recomputes ``expectsKey`` from the open containers.
    private mutating func refreshExpectsKey() {
        guard let frame = frames.last, frame.kind == .mapping else { expectsKey = false; return }
        expectsKey = (stack.count - frame.stackStart) % 2 == 0
    }

    // MARK: Events

    /// A scalar with its resolution; the caller resolved the text and reports failures.
    mutating func scalar(_ resolution: ScalarResolver.Resolution, text: UnsafeBufferPointer<UInt8>, at position: Position,
                         style: ScalarStyle, explicitTag: Bool, anchor: String?) throws(BuildError) {
        var flags = NodeRecord.Flags(rawValue: style.rawValue)
        if explicitTag { flags.insert(.explicitTag) }
        var record = NodeRecord(payload: 0, offset: position.offset, column: 0, kind: .null, flags: flags)
        setColumn(&record, position.column)
        switch resolution {
        case .null:
            record.kind = .null
        case .bool(let value):
            record.kind = .bool
            record.payload = value ? 1 : 0
        case .int(let value):
            record.kind = .int
            if let small = Int32(exactly: value) {
                record.payload = UInt32(bitPattern: small)
                record.flags.insert(.inlineInt)
            } else {
                record.payload = UInt32(wideNumbers.count)
                wideNumbers.append(UInt64(bitPattern: value))
            }
        case .double(let value):
            record.kind = .double
            record.payload = UInt32(wideNumbers.count)
            wideNumbers.append(value.bitPattern)
        case .timestamp(let value):
            record.kind = .timestamp
            if text.count == 10, let days = Int32(exactly: value.seconds / 86_400) {  // written as a date alone
                record.payload = UInt32(bitPattern: days)
                record.flags.insert(.inlineInt)
            } else {
                record.payload = UInt32(timestamps.count)
                timestamps.append(value)
            }
        case .string:
            record.kind = .string
            if expectsKey, style == .plain, !explicitTag, text.count == 2, text[0] == UInt8(ascii: "<"), text[1] == UInt8(ascii: "<") {
                throw BuildError(code: YAMLErrorCode.mergeKey, message: "merge keys (<<) are not supported; write the keys out", position: position)
            }
            if expectsKey {
                setKey(&record, text)
            } else {
                record.payload = stringPool.index(of: text, in: &strings)
            }
        case .failure(let code, let message):
            throw BuildError(code: code, message: message, position: position)
        }
        try push(record, size: 1, anchor: anchor)
    }

    /// The start of a sequence or mapping.
    mutating func startContainer(_ kind: NodeKind, at position: Position, flow: Bool, explicitTag: Bool, anchor: String?) throws(BuildError) {
        if expectsKey {
            throw BuildError(code: YAMLErrorCode.nonScalarKey,
                             message: "a mapping key must be a scalar, not a \(kind == .mapping ? "mapping" : "sequence")",
                             position: position)
        }
        guard frames.count < limits.maximumDepth else {
            throw BuildError(code: YAMLErrorCode.depthLimit,
                             message: "nesting is deeper than the limit of \(limits.maximumDepth) levels", position: position)
        }
        var flags = NodeRecord.Flags()
        if flow { flags.insert(.flowStyle) }
        if explicitTag { flags.insert(.explicitTag) }
        frames.append(Frame(kind: kind, stackStart: stack.count, offset: position.offset, column: position.column,
                            flags: flags, anchor: anchor, keys: nil))
        expectsKey = kind == .mapping
    }

    /// The end of the innermost sequence or mapping.
    mutating func endContainer() throws(BuildError) {
        let frame = frames.removeLast()
        let childCount = stack.count - frame.stackStart
        let start = records.count
        records.append(contentsOf: stack[frame.stackStart...])
        let size = frame.expandedSize &+ 1
        stack.removeSubrange(frame.stackStart...)
        refreshExpectsKey()
        let count = frame.kind == .mapping ? childCount / 2 : childCount
        var record = NodeRecord(payload: UInt32(spans.count), offset: frame.offset, column: 0, kind: frame.kind, flags: frame.flags)
        setColumn(&record, frame.column)
        spans.append(ContainerSpan(start: UInt32(start), count: UInt32(count)))
        try push(record, size: size, anchor: frame.anchor, position: Position(offset: frame.offset, column: frame.column))
    }

    /// An alias: a copy of its anchor's node, placed where the alias is written.
    mutating func alias(_ name: String, at position: Position) throws(BuildError) {
        guard let anchored = anchors[name] else {
            if frames.contains(where: { $0.anchor == name }) {
                throw BuildError(code: YAMLErrorCode.undefinedAlias,
                                 message: "alias *\(name) refers to a node that contains it; recursive aliases are not allowed",
                                 position: position)
            }
            throw BuildError(code: YAMLErrorCode.undefinedAlias, message: "alias *\(name) has no anchor &\(name) before it", position: position)
        }
        aliasExpansion = aliasExpansion &+ anchored.size
        if aliasExpansion > UInt64(limits.maximumAliasExpansion) {
            throw BuildError(code: YAMLErrorCode.aliasLimit,
                             message: "aliases expand to more than \(limits.maximumAliasExpansion.grouped) nodes in this document (is it a \"billion laughs\" file?)",
                             position: position)
        }
        var record = anchored.record
        record.offset = position.offset
        record.flags.remove(.wideColumn)
        setColumn(&record, position.column)
        if expectsKey {
            guard record.kind.isScalar else {
                throw BuildError(code: YAMLErrorCode.nonScalarKey,
                                 message: "a mapping key must be a scalar, but *\(name) is a \(record.kind == .mapping ? "mapping" : "sequence")",
                                 position: position)
            }
            if record.kind == .string, !record.flags.contains(.symbol) {
                var text = strings[Int(record.payload)]
                text.withUTF8 { setKey(&record, $0) }
            }
        }
        try push(record, size: anchored.size, anchor: nil, position: position)
    }

    /// Ends the document, returning it and clearing the scratch state.
    mutating func finishDocument(source: SourceFile, position: Int) -> Document {
        // safe: called only on libyaml's DOCUMENT-END event, which its parser emits after exactly one
        // root node whose starts and ends balance (a stream that does not is a syntax error first).
        precondition(stack.count == 1 && frames.isEmpty, "a document has exactly one root")
        records.append(stack[0])
        let document = Document(
            source: source, position: position, rootID: NodeID(UInt32(records.count - 1)),
            symbols: symbolCache.symbols, hasPlainKeys: hasPlainKeys, records: Self.exactCopy(records), spans: Self.exactCopy(spans), strings: Self.exactCopy(strings),
            wideNumbers: Self.exactCopy(wideNumbers), timestamps: Self.exactCopy(timestamps), wideColumns: wideColumns)
        beginDocument()
        return document
    }

    // MARK: Helpers

    private mutating func push(_ record: NodeRecord, size: UInt64, anchor: String?, position: Position? = nil) throws(BuildError) {
        if expectsKey { try checkDuplicate(record, position: position ?? Position(offset: record.offset, column: Int(record.column))) }
        stack.append(record)
        if !frames.isEmpty {
            frames[frames.count - 1].expandedSize &+= size
            if frames[frames.count - 1].kind == .mapping { expectsKey.toggle() }
        }
        if let anchor { anchors[anchor] = Anchored(record: record, size: size) }
    }

    private mutating func checkDuplicate(_ key: NodeRecord, position: Position) throws(BuildError) {
        let frameIndex = frames.count - 1
        let start = frames[frameIndex].stackStart
        let keyCount = (stack.count - start) / 2
        if keyCount < Self.keySetThreshold, key.flags.contains(.symbol) {
            var index = start
            while index < stack.count {
                let other = stack[index]
                if other.payload == key.payload, other.flags.contains(.symbol) { throw duplicate(key, first: other, position: position) }
                index += 2
            }
            return
        }
        let identity = keyIdentity(key)
        if keyCount < Self.keySetThreshold {
            var index = start
            while index < stack.count {
                if keyIdentity(stack[index]) == identity { throw duplicate(key, first: stack[index], position: position) }
                index += 2
            }
            return
        }
        if frames[frameIndex].keys == nil {
            frames[frameIndex].keys = Set(stride(from: start, to: stack.count, by: 2).map { keyIdentity(stack[$0]) })
        }
        if frames[frameIndex].keys!.insert(identity).inserted { return }  // safe: set just above
        var index = start
        while keyIdentity(stack[index]) != identity { index += 2 }
        throw duplicate(key, first: stack[index], position: position)
    }

    private func duplicate(_ key: NodeRecord, first: NodeRecord, position: Position) -> BuildError {
        BuildError(code: YAMLErrorCode.duplicateKey, message: "duplicate key \(describeKey(key)) in this mapping",
                   position: position, firstPosition: Position(offset: first.offset, column: column(of: first)))
    }

    private func describeKey(_ key: NodeRecord) -> String {
        switch keyIdentity(key) {
        case .symbol(let number): symbolCache.symbols.name(of: Symbol(rawValue: number)).quotedExcerpt
        case .plain(let index): strings[Int(index)].quotedExcerpt
        case .null: "null"
        case .bool(let value): "\(value)"
        case .int(let value): "\(value)"
        case .double(let bits): "\(Double(bitPattern: bits))"
        case .timestamp(let value): value.rfc3339
        }
    }

    private func keyIdentity(_ record: NodeRecord) -> KeyIdentity {
        switch record.kind {
        case .string: record.flags.contains(.symbol) ? .symbol(record.payload) : .plain(record.payload)
        case .null: .null
        case .bool: .bool(record.payload != 0)
        case .int: .int(record.flags.contains(.inlineInt) ? Int64(Int32(bitPattern: record.payload)) : Int64(bitPattern: wideNumbers[Int(record.payload)]))
        case .double: .double(wideNumbers[Int(record.payload)])
        case .timestamp:
            .timestamp(record.flags.contains(.inlineInt)
                       ? Timestamp(seconds: Int64(Int32(bitPattern: record.payload)) * 86_400)!  // safe: built from a valid date
                       : timestamps[Int(record.payload)])
        case .sequence, .mapping: .null
        }
    }

    private func column(of record: NodeRecord) -> Int {
        record.flags.contains(.wideColumn) ? wideColumns[record.offset] ?? NodeRecord.columnLimit : Int(record.column)
    }

    private mutating func setColumn(_ record: inout NodeRecord, _ column: Int) {
        if column < NodeRecord.columnLimit {
            record.column = UInt16(column)
        } else {
            record.column = UInt16.max
            record.flags.insert(.wideColumn)
            wideColumns[record.offset] = column
        }
    }

    /// Makes a string record the key spelled by `text`: its symbol, or a plain string of this
    /// document when the table does not know it and may not grow. A key once plain stays plain
    /// for the rest of the document, so duplicates are found even if the table learns it meanwhile.
    private mutating func setKey(_ record: inout NodeRecord, _ text: UnsafeBufferPointer<UInt8>) {
        if !hasPlainKeys || plainKeys.value(for: text) == nil, let symbol = symbolCache.symbol(for: text) {
            record.payload = symbol.rawValue
            record.flags.insert(.symbol)
            return
        }
        record.flags.remove(.symbol)
        if let known = plainKeys.value(for: text) {
            record.payload = known
        } else {
            record.payload = stringPool.index(of: text, in: &strings)
            plainKeys.insert(text, value: record.payload)
        }
        hasPlainKeys = true
    }

    private static func exactCopy<T>(_ array: [T]) -> [T] {
        [T](unsafeUninitializedCapacity: array.count) { buffer, count in
            _ = buffer.initialize(fromContentsOf: array)
            count = array.count
        }
    }
}

/// A position in the bytes being parsed: byte offset and 1-based character column.
struct Position {
    var offset: UInt32
    var column: Int
}

/// A build failure, turned into a ``Diagnostic`` by the parser that knows the source.
struct BuildError: Error {
    var code: String
    var message: String
    var position: Position
    var firstPosition: Position? = nil
}
