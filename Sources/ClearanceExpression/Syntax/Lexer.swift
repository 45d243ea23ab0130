/// A syntax error found while reading an expression: what is wrong and the byte offset where.
struct SyntaxError: Error, Sendable {
    var message: String
    var offset: Int
    var code: String = ExpressionErrorCode.syntax
}

/// Splits an expression's UTF-8 bytes into tokens (CEL lexis: literals, identifiers, operators).
struct Lexer {
    private let bytes: [UInt8]
    private var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Reads every token, ending with `.end`.
    static func tokenize(_ source: String) throws(SyntaxError) -> [Token] {
        var lexer = Lexer(bytes: Array(source.utf8))
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        position + ahead < bytes.count ? bytes[position + ahead] : nil
    }

    private mutating func skipWhitespaceAndComments() {
        while let byte = peek() {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
                position += 1
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                while let b = peek(), b != 0x0A { position += 1 }
            default:
                return
            }
        }
    }

    /// Reads the next token.
    mutating func next() throws(SyntaxError) -> Token {
        skipWhitespaceAndComments()
        let start = position
        guard let byte = peek() else { return Token(kind: .end, offset: start) }
        func single(_ kind: Token.Kind) -> Token {
            position += 1
            return Token(kind: kind, offset: start)
        }
        func pair(_ second: UInt8, _ both: Token.Kind, else one: Token.Kind?) throws(SyntaxError) -> Token {
            if peek(1) == second {
                position += 2
                return Token(kind: both, offset: start)
            }
            guard let one else { throw unexpectedCharacter(at: start) }
            return single(one)
        }
        switch byte {
        case UInt8(ascii: "("): return single(.leftParen)
        case UInt8(ascii: ")"): return single(.rightParen)
        case UInt8(ascii: "["): return single(.leftBracket)
        case UInt8(ascii: "]"): return single(.rightBracket)
        case UInt8(ascii: "{"): return single(.leftBrace)
        case UInt8(ascii: "}"): return single(.rightBrace)
        case UInt8(ascii: ","): return single(.comma)
        case UInt8(ascii: ":"): return single(.colon)
        case UInt8(ascii: "?"): return single(.question)
        case UInt8(ascii: "+"): return single(.plus)
        case UInt8(ascii: "-"): return single(.minus)
        case UInt8(ascii: "*"): return single(.star)
        case UInt8(ascii: "/"): return single(.slash)
        case UInt8(ascii: "%"): return single(.percent)
        case UInt8(ascii: "!"): return try pair(UInt8(ascii: "="), .notEqual, else: .bang)
        case UInt8(ascii: "<"): return try pair(UInt8(ascii: "="), .lessEqual, else: .less)
        case UInt8(ascii: ">"): return try pair(UInt8(ascii: "="), .greaterEqual, else: .greater)
        case UInt8(ascii: "="): return try pair(UInt8(ascii: "="), .equal, else: nil)
        case UInt8(ascii: "&"): return try pair(UInt8(ascii: "&"), .and, else: nil)
        case UInt8(ascii: "|"): return try pair(UInt8(ascii: "|"), .or, else: nil)
        case UInt8(ascii: "."):
            if let next = peek(1), isDigit(next) { return try number() }
            return single(.dot)
        case UInt8(ascii: "`"): return try quotedIdentifier()
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return try stringLiteral(raw: false, bytes: false, start: start)
        default:
            if isDigit(byte) { return try number() }
            if isIdentifierStart(byte) { return try identifierOrPrefixedString() }
            throw unexpectedCharacter(at: start)
        }
    }

    private func unexpectedCharacter(at offset: Int) -> SyntaxError {
        var decoder = UTF8()
        var iterator = bytes[offset...].makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return SyntaxError(message: SyntaxMessages.unexpectedCharacter(scalar), offset: offset)
        }
        return SyntaxError(message: SyntaxMessages.invalidUTF8, offset: offset)
    }

    private mutating func identifierOrPrefixedString() throws(SyntaxError) -> Token {
        let start = position
        // String prefixes: r, R, b, B, and b/B followed by r/R.
        let first = bytes[position]
        let isQuote: (UInt8?) -> Bool = { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }
        let isRaw: (UInt8) -> Bool = { $0 == UInt8(ascii: "r") || $0 == UInt8(ascii: "R") }
        let isBytes: (UInt8) -> Bool = { $0 == UInt8(ascii: "b") || $0 == UInt8(ascii: "B") }
        if isRaw(first), isQuote(peek(1)) {
            position += 1
            return try stringLiteral(raw: true, bytes: false, start: start)
        }
        if isBytes(first) {
            if isQuote(peek(1)) {
                position += 1
                return try stringLiteral(raw: false, bytes: true, start: start)
            }
            if let second = peek(1), isRaw(second), isQuote(peek(2)) {
                position += 2
                return try stringLiteral(raw: true, bytes: true, start: start)
            }
        }
        while let byte = peek(), isIdentifierStart(byte) || isDigit(byte) { position += 1 }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        switch name {
        case "true": return Token(kind: .true, offset: start)
        case "false": return Token(kind: .false, offset: start)
        case "null": return Token(kind: .null, offset: start)
        case "in": return Token(kind: .in, offset: start)
        default: return Token(kind: .identifier(name), offset: start)
        }
    }

    private mutating func quotedIdentifier() throws(SyntaxError) -> Token {
        let start = position
        position += 1
        let nameStart = position
        while let byte = peek(), byte != UInt8(ascii: "`") {
            let allowed = isIdentifierStart(byte) || isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "/") || byte == UInt8(ascii: " ")
            guard allowed else {
                if byte == 0x0A || byte == 0x0D { break }
                throw SyntaxError(message: SyntaxMessages.invalidQuotedIdentifier(Unicode.Scalar(byte)), offset: position)
            }
            position += 1
        }
        guard peek() == UInt8(ascii: "`") else {
            throw SyntaxError(message: SyntaxMessages.unterminatedQuotedIdentifier, offset: start)
        }
        guard position > nameStart else { throw SyntaxError(message: SyntaxMessages.emptyQuotedIdentifier, offset: start) }
        let name = String(decoding: bytes[nameStart..<position], as: UTF8.self)
        position += 1
        return Token(kind: .quotedIdentifier(name), offset: start)
    }

    private mutating func number() throws(SyntaxError) -> Token {
        let start = position
        if peek() == UInt8(ascii: "0"), let x = peek(1), x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
            position += 2
            let digitsStart = position
            while let byte = peek(), isHexDigit(byte) { position += 1 }
            guard position > digitsStart else { throw SyntaxError(message: SyntaxMessages.missingHexDigits, offset: start) }
            let digits = String(decoding: bytes[digitsStart..<position], as: UTF8.self)
            if let u = peek(), u == UInt8(ascii: "u") || u == UInt8(ascii: "U") {
                position += 1
                return Token(kind: .uint(digits: digits, hex: true), offset: start)
            }
            return Token(kind: .int(digits: digits, hex: true), offset: start)
        }
        var isDouble = false
        while let byte = peek(), isDigit(byte) { position += 1 }
        if peek() == UInt8(ascii: "."), let next = peek(1), isDigit(next) {
            isDouble = true
            position += 1
            while let byte = peek(), isDigit(byte) { position += 1 }
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var ahead = 1
            if let sign = peek(1), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { ahead = 2 }
            if let digit = peek(ahead), isDigit(digit) {
                isDouble = true
                position += ahead
                while let byte = peek(), isDigit(byte) { position += 1 }
            } else {
                throw SyntaxError(message: SyntaxMessages.missingExponentDigits, offset: position)
            }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isDouble { return Token(kind: .double(text), offset: start) }
        if let u = peek(), u == UInt8(ascii: "u") || u == UInt8(ascii: "U") {
            position += 1
            return Token(kind: .uint(digits: text, hex: false), offset: start)
        }
        return Token(kind: .int(digits: text, hex: false), offset: start)
    }

    private mutating func stringLiteral(raw: Bool, bytes isBytes: Bool, start: Int) throws(SyntaxError) -> Token {
        var reader = StringLiteralReader(bytes: bytes, position: position, raw: raw, isBytes: isBytes, tokenStart: start)
        let content = try reader.read()
        position = reader.position
        switch content {
        case .string(let text): return Token(kind: .string(text), offset: start)
        case .bytes(let data): return Token(kind: .bytes(data), offset: start)
        }
    }
}

func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66) }
func isIdentifierStart(_ byte: UInt8) -> Bool { byte == 0x5F || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) }
