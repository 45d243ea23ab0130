/// Text copied with some of its UTF-8 bytes replaced: the one loop of the escapers that work on bytes (JSON strings,
/// HTML, SARIF's controls), which copies each run of kept bytes whole.
public enum ByteReplacement {
    /// Appends `text` to `output`, replacing what `replacement` names: given the bytes and a position, it returns the
    /// text to write there and how many bytes that text stands for, or `nil` to keep the byte. A replacement must begin
    /// and end on a character boundary (an ASCII byte, or a whole multi-byte sequence), so every run copied is valid UTF-8.
    @inlinable
    public static func append(_ text: String, to output: inout String,
                              replacing replacement: (UnsafeBufferPointer<UInt8>, Int) -> (text: String, width: Int)?) {
        var text = text
        let replacedAny = text.withUTF8 { bytes in
            guard let rest = forEachReplacement(in: bytes, replacing: replacement, { kept, replaced in
                if !kept.isEmpty { output += String(decoding: kept, as: UTF8.self) }
                output += replaced
            }) else { return false }
            if rest < bytes.count { output += String(decoding: UnsafeBufferPointer(rebasing: bytes[rest...]), as: UTF8.self) }
            return true
        }
        if !replacedAny { output += text }
    }

    /// Walks `bytes`, handing `body` each replacement `replacement` names with the run of kept bytes before it; returns
    /// where the kept bytes after the last replacement start, or `nil` when nothing was replaced.
    @inlinable
    public static func forEachReplacement(in bytes: UnsafeBufferPointer<UInt8>,
                                          replacing replacement: (UnsafeBufferPointer<UInt8>, Int) -> (text: String, width: Int)?,
                                          _ body: (_ kept: UnsafeBufferPointer<UInt8>, _ replaced: String) -> Void) -> Int? {
        var start = 0, index = 0, replacedAny = false
        while index < bytes.count {
            guard let (replaced, width) = replacement(bytes, index) else {
                index += 1
                continue
            }
            body(UnsafeBufferPointer(rebasing: bytes[start..<index]), replaced)
            index += width
            start = index
            replacedAny = true
        }
        return replacedAny ? start : nil
    }
}
