/// One node of a document in twelve bytes: what it is, where it starts, and its value or children.
///
/// `payload` is, by kind: 0/1 for bools; the value itself for ints that fit in 32 bits
/// (``Flags/inlineInt``) or an index into the document's wide numbers; an index into its
/// doubles, strings or timestamps; the symbol number of an interned key (``Flags/symbol``);
/// the index of a container's span of children.
///
/// `offset` is where the node starts in its file, and `column` its column, or ``Flags/wideColumn`` when the document's side
/// table holds it. A compacted document (``Document/compacted(locatedIn:)``) keeps neither: `column` holds the symbol of the
/// key of a mapping's value, and `offset` the node's line and column (the low ``Document/placeColumnBits`` bits the column),
/// so its file needs no line table; with ``Flags/wideColumn``, the side table holds them by the record's index.
struct NodeRecord {
    var payload: UInt32
    var offset: UInt32
    var column: UInt16
    var kind: NodeKind
    var flags: Flags

    struct Flags: OptionSet {
        var rawValue: UInt8
        static let styleMask = Flags(rawValue: 0b0000_0111)
        static let explicitTag = Flags(rawValue: 1 << 3)
        static let symbol = Flags(rawValue: 1 << 4)
        static let inlineInt = Flags(rawValue: 1 << 5)
        static let wideColumn = Flags(rawValue: 1 << 6)
        static let flowStyle = Flags(rawValue: 1 << 7)
    }

    /// Columns at or above this value are kept in the document's side table.
    static let columnLimit = Int(UInt16.max)
    /// In a compacted document whose largest line and column do not both fit in `offset`, the bits that hold the column.
    static let placeColumnBits = 12
    /// In a compacted document, the `column` of a record that is no mapping's value.
    static let noKeySymbol = UInt16.max
    /// In a compacted document, the `column` of a value whose key's symbol is this number or more, kept in a side table.
    static let spilledKeySymbol = UInt16.max - 1
}

/// Where a container's children sit in the document's records: `count` records (or key/value
/// pairs, for a mapping) starting at `start`.
struct ContainerSpan {
    var start: UInt32
    var count: UInt32
}
