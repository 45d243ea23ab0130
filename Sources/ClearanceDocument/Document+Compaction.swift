extension Document {
    /// Which records of a document are mapping keys: what ``compacted(_:locatedIn:)`` lets go.
    public struct KeyRecords: Sendable {
        fileprivate let isKey: [Bool]
        fileprivate let count: Int
    }

    /// The same document without a record of its own for each mapping key, located in `source` (a copy of its own file),
    /// or `nil` when ``keyRecords()`` is.
    public func compacted(locatedIn source: SourceFile) -> (document: Document, id: @Sendable (NodeID) -> NodeID)? {
        keyRecords().map { compacted($0, locatedIn: source) }
    }

    /// The same document without a record of its own for each mapping key (`keys`, from ``keyRecords()``), located in
    /// `source` (a copy of its own file): each key is kept as its symbol in its value's record, where the column was, and
    /// each node's line and column where its offset was (so `source` may leave out its line table, and ``offset(_:)`` is
    /// -1), and a document read by symbol, as evaluation reads it, costs about a third less. A key is then placed where its
    /// value is. With the copy, the identity in it of each node of this document that is not a key.
    public func compacted(_ keys: KeyRecords, locatedIn source: SourceFile) -> (document: Document, id: @Sendable (NodeID) -> NodeID) {
        precondition(source.path == self.source.path, "a document moves only to a copy of its own file")
        precondition(keys.isKey.count == records.count, "the key records are this document's")
        let (isKey, keyCount) = (keys.isKey, keys.count)
        var newIndex = [UInt32](repeating: .max, count: records.count)
        var kept: [NodeRecord] = []
        kept.reserveCapacity(records.count - keyCount)
        // Each record's column field will hold its key's symbol, and its offset field its line and column, split where
        // this document's largest line and column both fit (a one-line JSON file has wide columns and a single line); a
        // place that does not fit goes to the side table by the record's index. So the copy's file needs no line table.
        var places: [(line: Int, column: Int)] = []
        places.reserveCapacity(kept.capacity)
        var line = LineCursor(), largest = (line: 0, column: 0)
        for (index, record) in records.enumerated() where !isKey[index] {
            let column = record.flags.contains(.wideColumn) ? self.wideColumns[record.offset] ?? NodeRecord.columnLimit : Int(record.column)
            let place = (line: self.source.line(containing: Int(record.offset), near: &line), column: column)
            largest = (max(largest.line, place.line), max(largest.column, place.column))
            places.append(place)
            newIndex[index] = UInt32(kept.count)
            kept.append(record)
        }
        let columnBits = max(1, Int.bitWidth - largest.column.leadingZeroBitCount)
        let placeColumnBits = Int.bitWidth - largest.line.leadingZeroBitCount + columnBits <= 32 ? columnBits : NodeRecord.placeColumnBits
        var wideColumns: [UInt32: Int] = [:]
        for (index, place) in places.enumerated() {
            if place.line < 1 << (32 - placeColumnBits), place.column < 1 << placeColumnBits {
                kept[index].offset = UInt32(place.line << placeColumnBits | place.column)
                kept[index].flags.remove(.wideColumn)
            } else {
                kept[index].flags.insert(.wideColumn)
                wideColumns[UInt32(index)] = place.line << 32 | place.column
            }
            kept[index].column = NodeRecord.noKeySymbol
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
                            timestamps: timestamps, wideColumns: wideColumns, isCompacted: true, wideKeySymbols: wideKeySymbols,
                            placeColumnBits: UInt8(placeColumnBits))
        let map = newIndex
        return (copy, { NodeID(map[Int($0.rawValue)]) })
    }

    /// Which records are mapping keys, or `nil` when the document cannot be compacted: it is compacted already, has no
    /// key, or a key that is not a symbol (a plain string or another scalar).
    public func keyRecords() -> KeyRecords? {
        guard !isCompacted, !hasPlainKeys else { return nil }
        var isKey = [Bool](repeating: false, count: records.count)
        var count = 0
        for record in records where record.kind == .mapping {
            let span = spans[Int(record.payload)]
            var index = Int(span.start)
            for _ in 0..<span.count {
                let key = records[index]
                guard key.kind == .string, key.flags.contains(.symbol) else { return nil }
                if !isKey[index] { count += 1 }
                isKey[index] = true
                index += 2
            }
        }
        return count > 0 ? KeyRecords(isKey: isKey, count: count) : nil
    }
}
