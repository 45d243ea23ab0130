import ClearanceCore

extension Node {
    /// The file location of the character at a UTF-8 byte offset of this scalar's value.
    ///
    /// Follows the scalar through its style — quotes, escapes, folded lines, block indentation —
    /// so an error inside an expression written in a YAML string points at the exact column in
    /// the file. For a container, returns the node's own location.
    public func location(ofValueOffset target: Int) -> SourceLocation {
        guard kind.isScalar, document.source.holdsText, let value = string ?? scalarText else { return location }
        let raw = document.source.text
        let valueBytes = Array(value.utf8)
        var r = document.offset(id)
        switch style {
        case .singleQuoted, .doubleQuoted: r += 1
        case .literal, .folded:
            while r < raw.count, raw[r] != 0x0A, raw[r] != 0x0D { r += 1 }
            if r < raw.count, raw[r] == 0x0D { r += 1 }
            if r < raw.count, raw[r] == 0x0A { r += 1 }
        case .plain: break
        }
        var v = 0
        let goal = min(max(0, target), valueBytes.count)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while v < goal, r < raw.count {
            let rawByte = raw[r]
            if style == .doubleQuoted, rawByte == UInt8(ascii: "\\"), r + 1 < raw.count {
                let next = raw[r + 1]
                if next == 0x0A || next == 0x0D {  // an escaped line break produces nothing
                    r += 2
                    while r < raw.count, isSpace(raw[r]) { r += 1 }
                    continue
                }
                let length = next == UInt8(ascii: "x") ? 4 : next == UInt8(ascii: "u") ? 6 : next == UInt8(ascii: "U") ? 10 : 2
                r += length
                v += Self.utf8Length(ofEscape: next, raw: raw, at: r - length)
                continue
            }
            if style == .singleQuoted, rawByte == UInt8(ascii: "'"), r + 1 < raw.count, raw[r + 1] == UInt8(ascii: "'") {
                r += 2
                v += 1
                continue
            }
            if rawByte == valueBytes[v] {
                r += 1
                v += 1
            } else if isSpace(rawByte) {
                if isSpace(valueBytes[v]) {  // a folded run: skip it on both sides
                    while v < goal, isSpace(valueBytes[v]) { v += 1 }
                }
                while r < raw.count, isSpace(raw[r]) { r += 1 }
            } else if isSpace(valueBytes[v]) {
                v += 1
            } else {
                break
            }
        }
        if r < raw.count, v == goal {  // land on the character itself, not on whitespace folded before it
            while r < raw.count, isSpace(raw[r]), goal < valueBytes.count, !isSpace(valueBytes[goal]) { r += 1 }
        }
        let line = document.source.line(containing: r)
        let lineStart = document.source.start(ofLine: line)
        var column = 1
        for index in lineStart..<min(r, raw.count) where raw[index] & 0xC0 != 0x80 { column += 1 }
        return SourceLocation(file: document.source.path, line: line, column: column, offset: r)
    }

    /// The text of a non-string scalar (`true`, `12`), for expressions written as bare YAML values.
    private var scalarText: String? {
        switch scalar {
        case .bool(let value)?: value ? "true" : "false"
        case .int(let value)?: String(value)
        default: nil
        }
    }

    /// The UTF-8 length of the character a double-quoted escape produces.
    private static func utf8Length(ofEscape letter: UInt8, raw: [UInt8], at start: Int) -> Int {
        let digits: Int
        switch letter {
        case UInt8(ascii: "x"): digits = 2
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        case UInt8(ascii: "N"): return 2  // NEL
        case UInt8(ascii: "_"): return 2  // NBSP
        case UInt8(ascii: "L"), UInt8(ascii: "P"): return 3  // LS, PS
        default: return 1
        }
        guard start + 2 + digits <= raw.count,
              let code = UInt32(String(decoding: raw[(start + 2)..<(start + 2 + digits)], as: UTF8.self), radix: 16),
              let scalar = Unicode.Scalar(code) else { return 1 }
        return String(Character(scalar)).utf8.count
    }
}
