extension Document {
    /// The same document without a record of its own for each mapping key, located in `source` (a copy of its own file):
    /// each key is kept as its symbol in its value's record, where the column was (a column is then counted from the line's
    /// start, or kept aside where that count is not it), so a document read by symbol, as evaluation reads it, costs about a
    /// third less. A key is then placed where its value is. `nil` when some key is not a symbol (a plain string or another
    /// scalar), when there is no key, or when the document is compacted already; with the copy, the identity in it of each
    /// node of this document that is not a key.
    public func compacted(locatedIn source: SourceFile) -> (document: Document, id: @Sendable (NodeID) -> NodeID)? {
        precondition(source.path == self.source.path, "a document moves only to a copy of its own file")
        guard !isCompacted, !hasPlainKeys else { return nil }
        var isKey = [Bool](repeating: false, count: records.count)
        var keyCount = 0
        for record in records where record.kind == .mapping {
            let span = spans[Int(record.payload)]
            var index = Int(span.start)
            for _ in 0..<span.count {
                let key = records[index]
                guard key.kind == .string, key.flags.contains(.symbol) else { return nil }
                if !isKey[index] { keyCount += 1 }
                isKey[index] = true
                index += 2
            }
        }
        guard keyCount > 0 else { return nil }
        var newIndex = [UInt32](repeating: .max, count: records.count)
        var kept: [NodeRecord] = []
        kept.reserveCapacity(records.count - keyCount)
        // Each record's column field will hold its key's symbol, so a column the byte count from its line's start would not
        // give is kept in the side table.
        var wideColumns = self.wideColumns
        var line = (start: 0, end: 0)
        for (index, record) in records.enumerated() where !isKey[index] {
            var record = record
            if !record.flags.contains(.wideColumn) {
                let offset = Int(record.offset)
                if offset < line.start || offset >= line.end { line = source.lineBounds(containing: offset) }
                if Int(record.column) != SourceFile.byteColumn(offset: offset, lineStart: line.start) {
                    record.flags.insert(.wideColumn)
                    wideColumns[record.offset] = Int(record.column)
                }
            }
            record.column = NodeRecord.noKeySymbol
            newIndex[index] = UInt32(kept.count)
            kept.append(record)
        }
        var wideKeySymbols: [UInt32: UInt32] = [:]
        for (index, record) in records.enumerated() where isKey[index] {
            let value = Int(newIndex[index + 1])
            if record.payload < UInt32(NodeRecord.spilledKeySymbol) {
                kept[value].column = UInt16(record.payload)
            } else {
                kept[value].column = NodeRecord.spilledKeySymbol
                wideKeySymbols[UInt32(value)] = record.payload
            }
        }
        // A container's children stay side by side: a mapping's values now start where its first value went.
        var newSpans = spans
        for record in records where !record.kind.isScalar {
            let span = spans[Int(record.payload)]
            guard span.count > 0 else { continue }
            newSpans[Int(record.payload)].start = newIndex[Int(span.start) + (record.kind == .mapping ? 1 : 0)]
        }
        let copy = Document(source: source, position: position, rootID: NodeID(newIndex[Int(rootID.rawValue)]), symbols: symbols,
                            hasPlainKeys: false, records: kept, spans: newSpans, strings: strings, wideNumbers: wideNumbers,
                            timestamps: timestamps, wideColumns: wideColumns, isCompacted: true, wideKeySymbols: wideKeySymbols)
        let map = newIndex
        return (copy, { NodeID(map[Int($0.rawValue)]) })
    }
}
