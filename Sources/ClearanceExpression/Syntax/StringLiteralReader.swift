/// Reads one quoted string or bytes literal, raw or not, single- or triple-quoted, and decodes its escapes.
struct StringLiteralReader {
    /// The decoded literal.
    enum Content {
        case string(String)
        case bytes([UInt8])
    }

    let bytes: [UInt8]
    /// Starts at the opening quote; ends after the closing one.
    var position: Int
    let raw: Bool
    let isBytes: Bool
    let tokenStart: Int

    mutating func read() throws(SyntaxError) -> Content {
        let quote = bytes[position]
        let triple = position + 2 < bytes.count && bytes[position + 1] == quote && bytes[position + 2] == quote
        position += triple ? 3 : 1
        var output: [UInt8] = []
        while true {
            guard position < bytes.count else {
                throw SyntaxError(message: SyntaxMessages.unterminatedString, offset: tokenStart)
            }
            let byte = bytes[position]
            if byte == quote {
                if !triple {
                    position += 1
                    break
                }
                if position + 2 < bytes.count, bytes[position + 1] == quote, bytes[position + 2] == quote {
                    position += 3
                    break
                }
            }
            if !triple, byte == 0x0A || byte == 0x0D {
                throw SyntaxError(message: SyntaxMessages.newlineInString, offset: position)
            }
            if byte == UInt8(ascii: "\\"), !raw {
                try readEscape(into: &output)
                continue
            }
            output.append(byte)
            position += 1
        }
        return isBytes ? .bytes(output) : .string(String(decoding: output, as: UTF8.self))
    }

    private mutating func readEscape(into output: inout [UInt8]) throws(SyntaxError) {
        let escapeStart = position
        position += 1
        guard position < bytes.count else { throw SyntaxError(message: SyntaxMessages.unterminatedString, offset: tokenStart) }
        let letter = bytes[position]
        position += 1
        switch letter {
        case UInt8(ascii: "a"): output.append(0x07)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "v"): output.append(0x0B)
        case UInt8(ascii: "\\"), UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
            output.append(letter)
        case UInt8(ascii: "x"), UInt8(ascii: "X"):
            let value = try hexDigits(2, escapeStart: escapeStart)
            append(codeOrByte: value, to: &output)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = letter == UInt8(ascii: "u") ? 4 : 8
            let value = try hexDigits(count, escapeStart: escapeStart)
            guard !isBytes else { throw SyntaxError(message: SyntaxMessages.unicodeEscapeInBytes, offset: escapeStart) }
            guard let scalar = Unicode.Scalar(value) else {
                throw SyntaxError(message: SyntaxMessages.invalidCodePoint(value), offset: escapeStart)
            }
            output.append(contentsOf: Array(String(Character(scalar)).utf8))
        case UInt8(ascii: "0")...UInt8(ascii: "3"):
            guard position + 1 < bytes.count, (0x30...0x37).contains(bytes[position]), (0x30...0x37).contains(bytes[position + 1]) else {
                throw invalidEscape(from: escapeStart)
            }
            let value = UInt32(letter - 0x30) * 64 + UInt32(bytes[position] - 0x30) * 8 + UInt32(bytes[position + 1] - 0x30)
            position += 2
            append(codeOrByte: value, to: &output)
        default:
            throw invalidEscape(from: escapeStart)
        }
    }

    /// A `\x` or octal escape: an octet in bytes literals, a code point (0...255) in strings.
    private func append(codeOrByte value: UInt32, to output: inout [UInt8]) {
        if isBytes {
            output.append(UInt8(truncatingIfNeeded: value))
        } else if value < 0x80 {
            output.append(UInt8(value))
        } else {
            output.append(UInt8(0xC0 | (value >> 6)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    private mutating func hexDigits(_ count: Int, escapeStart: Int) throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard position < bytes.count, isHexDigit(bytes[position]) else { throw invalidEscape(from: escapeStart) }
            let byte = bytes[position]
            let digit = isDigit(byte) ? UInt32(byte - 0x30) : UInt32((byte | 0x20) - 0x61 + 10)
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    private func invalidEscape(from escapeStart: Int) -> SyntaxError {
        var end = min(escapeStart + 2, bytes.count)
        while end < bytes.count, end < escapeStart + 10, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: bytes[(escapeStart + 1)..<end], as: UTF8.self)
        return SyntaxError(message: SyntaxMessages.invalidEscape(text), offset: escapeStart)
    }
}
