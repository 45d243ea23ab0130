/// Every error a run collected, sorted by location: thrown when a run cannot be trusted.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    /// The diagnostics, sorted by file, line and column.
    public let items: [Diagnostic]

    /// Collects diagnostics, sorting them and dropping exact repeats.
    public init(_ items: [Diagnostic]) {
        var seen = Set<Diagnostic>()
        self.items = items.sorted().filter { seen.insert($0).inserted }
    }

    /// Every diagnostic rendered in full, one after another.
    public var rendered: String { items.map(\.rendered).joined(separator: "\n") }

    /// The headlines only.
    public var description: String { items.map(\.description).joined(separator: "\n") }
}
