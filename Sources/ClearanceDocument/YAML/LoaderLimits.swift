/// The bounds the loader enforces on every input, so no file can exhaust memory or time.
public struct LoaderLimits: Sendable, Equatable {
    /// The largest file read, in bytes (default 64 MiB; at most 4 GiB).
    public var maximumFileSize: Int
    /// The deepest nesting of sequences and mappings (default 256).
    public var maximumDepth: Int
    /// The most nodes that alias expansion may produce in one document (default 1,000,000).
    public var maximumAliasExpansion: Int

    /// Creates limits; the defaults are those of ``standard``.
    public init(maximumFileSize: Int = 64 << 20, maximumDepth: Int = 256, maximumAliasExpansion: Int = 1_000_000) {
        self.maximumFileSize = min(maximumFileSize, Int(UInt32.max))
        self.maximumDepth = maximumDepth
        self.maximumAliasExpansion = maximumAliasExpansion
    }

    /// 64 MiB files, 256 levels of nesting, 1,000,000 nodes from aliases per document.
    public static let standard = LoaderLimits()
}
