/// Shares repeated scalar strings: within a document each distinct string is stored once, and
/// across the documents one loader reads, a repeated string (an approver's id, a resource name)
/// shares one heap buffer.
///
/// Bounded: past `capacity` distinct strings the pool starts over, so a file of unique values
/// cannot grow it without limit.
struct StringPool {
    /// The bound when loading a snapshot, whose documents share many values.
    static let snapshotCapacity = 1 << 16
    /// The bound when reading requests one after another: what they share is small, and a loader
    /// kept for a server's lifetime should hold little.
    static let requestCapacity = 1 << 10
    private let capacity: Int

    private var table = ByteKeyedTable()
    private var strings: [String] = []
    /// For each pooled string, the document it was last stored in and its index there.
    private var placements: [(document: UInt32, index: UInt32)] = []
    /// The number of the current document, to tell placements from earlier documents apart.
    private var document: UInt32 = 0

    /// A pool that starts over past `capacity` distinct strings.
    init(capacity: Int) { self.capacity = capacity }

    /// Starts a new document: strings stored from now on are numbered afresh.
    mutating func beginDocument() { document &+= 1 }

    /// The index in the current document's `strings` of the string spelled by `text`, appending it if new.
    mutating func index(of text: UnsafeBufferPointer<UInt8>, in documentStrings: inout [String]) -> UInt32 {
        if let pooled = table.value(for: text) {
            let placement = placements[Int(pooled)]
            if placement.document == document { return placement.index }
            let index = UInt32(documentStrings.count)
            documentStrings.append(strings[Int(pooled)])
            placements[Int(pooled)] = (document, index)
            return index
        }
        if strings.count >= capacity {
            table.removeAll()
            strings.removeAll(keepingCapacity: true)
            placements.removeAll(keepingCapacity: true)
        }
        let string = String(decoding: text, as: UTF8.self)
        let index = UInt32(documentStrings.count)
        documentStrings.append(string)
        table.insert(text, value: UInt32(strings.count))
        strings.append(string)
        placements.append((document, index))
        return index
    }
}
