/// What the shared parts of `when` conditions (``SharedConditions``) gave on the document being evaluated: per
/// slot, one entry for the document and one per `for_each` element.
///
/// Entries are stamped with the document they belong to, so moving on to the next document forgets them all
/// without clearing anything. One memo per evaluating thread.
struct ConditionMemo {
    /// What a part gave, and the steps it took beyond those charged up front.
    struct Entry {
        let value: Bool
        let extraSteps: Int
    }

    private struct Stamped {
        var document = 0
        var entry = Entry(value: false, extraSteps: 0)
    }

    private let slotCount: Int
    /// The entries of slot `s` at positions `s * width ..< (s + 1) * width`: the document's first, then each element's.
    private var entries: [Stamped]
    private var width = 8
    /// The document being evaluated; entries stamped with another are stale. Stamps start at 1.
    private var document = 1

    /// An empty memo for `slotCount` slots.
    init(slotCount: Int) {
        self.slotCount = slotCount
        entries = Array(repeating: Stamped(), count: slotCount * width)
    }

    /// Forgets every entry: the next document is being evaluated.
    mutating func nextDocument() { document &+= 1 }

    /// What the part in `slot` gave at `position` (0 for the document, `i + 1` for element `i`) of this document.
    @inline(__always)
    func value(slot: Int, position: Int) -> Entry? {
        guard position < width else { return nil }
        let stamped = entries[slot * width + position]
        return stamped.document == document ? stamped.entry : nil
    }

    /// Positions from here on are not remembered (evaluated each time), so that a document with a huge list does not
    /// make every slot as wide.
    static let positionLimit = 1024

    /// Remembers what the part in `slot` gave at `position` of this document.
    mutating func remember(slot: Int, position: Int, _ entry: Entry) {
        guard position < Self.positionLimit else { return }
        if position >= width { widen(toHold: position) }
        entries[slot * width + position] = Stamped(document: document, entry: entry)
    }

    /// Makes room for `position` in every slot, keeping what is remembered.
    private mutating func widen(toHold position: Int) {
        var wider = width
        while wider <= position { wider *= 2 }
        var widened = Array(repeating: Stamped(), count: slotCount * wider)
        for slot in 0..<slotCount {
            for offset in 0..<width { widened[slot * wider + offset] = entries[slot * width + offset] }
        }
        entries = widened
        width = wider
    }
}
