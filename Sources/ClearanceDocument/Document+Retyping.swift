import ClearanceCore

extension Document {
    /// A new value for a scalar node, given by what reads the document (its shape, the evaluation time).
    public enum Retyping: Sendable {
        /// The node reads as null.
        case null
        /// The node reads as a timestamp; `isDate` when it was written as a date alone (`2026-02-02`).
        case timestamp(Timestamp, isDate: Bool)
    }

    /// A copy of the document in which some scalar nodes read differently: a JSON string where
    /// a shape says timestamp becomes a timestamp, say. Every node keeps its identity, position
    /// and style, so marks and locations are those of the original.
    ///
    /// Containers are left as they are; only scalar nodes are retyped.
    public func retyped(_ changes: [(NodeID, Retyping)]) -> Document {
        guard !changes.isEmpty else { return self }
        var records = self.records
        var timestamps = self.timestamps
        for (id, change) in changes where id.rawValue & Document.keyBit == 0 {
            var record = records[Int(id.rawValue)]
            guard record.kind.isScalar else { continue }
            record.flags.remove(.symbol)
            record.flags.remove(.inlineInt)
            switch change {
            case .null:
                record.kind = .null
                record.payload = 0
            case .timestamp(let value, let isDate):
                record.kind = .timestamp
                if isDate, value.seconds % 86_400 == 0, let days = Int32(exactly: value.seconds / 86_400) {
                    record.payload = UInt32(bitPattern: days)
                    record.flags.insert(.inlineInt)
                } else {
                    record.payload = UInt32(timestamps.count)
                    timestamps.append(value)
                }
            }
            records[Int(id.rawValue)] = record
        }
        return Document(source: source, position: position, rootID: rootID, symbols: symbols, hasPlainKeys: hasPlainKeys, records: records, spans: spans,
                            strings: strings, wideNumbers: wideNumbers, timestamps: timestamps, wideColumns: wideColumns,
                        isCompacted: isCompacted, wideKeySymbols: wideKeySymbols,
                        placeColumnBits: placeColumnBits)
    }
}
