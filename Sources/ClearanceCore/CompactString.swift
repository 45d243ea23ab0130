extension String {
    /// The same text in storage of its own length, for strings kept by the million: building a string by appending grows
    /// its storage by doubling, so it may hold twice what it needs.
    public var compacted: String {
        var text = self
        let count = text.utf8.count
        guard count > 15 else { return text }  // held inline, without storage
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: count) { buffer in
                _ = buffer.initialize(fromContentsOf: bytes)
                return count
            }
        }
    }
}
