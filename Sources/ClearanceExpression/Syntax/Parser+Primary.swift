extension Parser {
    mutating func parsePrimary(negativeLiteral: Bool, signOffset: Int) throws(SyntaxError) -> Expr {
        let token = current
        let literalOffset = negativeLiteral ? signOffset : token.offset
        switch token.kind {
        case .int(let digits, let hex):
            advance()
            return try make(.constant(.int(try Self.intValue(digits, hex: hex, negative: negativeLiteral, offset: literalOffset))),
                            at: literalOffset)
        case .double(let text):
            advance()
            guard let value = Double(text), value.isFinite else {
                throw SyntaxError(message: SyntaxMessages.doubleOutOfRange(text), offset: token.offset)
            }
            return try make(.constant(.double(negativeLiteral ? -value : value)), at: literalOffset)
        case .uint(let digits, let hex):
            advance()
            guard let value = UInt64(digits, radix: hex ? 16 : 10) else {
                throw SyntaxError(message: SyntaxMessages.uintOutOfRange((hex ? "0x" : "") + digits + "u"), offset: token.offset)
            }
            return try make(.constant(.uint(value)), at: token.offset)
        case .string(let text):
            advance()
            return try make(.constant(.string(text)), at: token.offset)
        case .bytes(let data):
            advance()
            return try make(.constant(.bytes(data)), at: token.offset)
        case .true, .false:
            advance()
            return try make(.constant(.bool(token.kind == .true)), at: token.offset)
        case .null:
            advance()
            return try make(.constant(.null), at: token.offset)
        case .dot:
            advance()
            guard case .identifier = current.kind else {
                throw SyntaxError(message: SyntaxMessages.unexpected(current.kind, expected: "a name after '.'"), offset: current.offset)
            }
            return try parsePrimary(negativeLiteral: false, signOffset: 0)
        case .identifier(let name):
            advance()
            guard !Self.reservedWords.contains(name) else {
                throw SyntaxError(message: SyntaxMessages.reservedIdentifier(name), offset: token.offset)
            }
            if take(.leftParen) {
                let args = try parseArguments()
                return try makeCall(name, target: nil, args: args, at: token.offset)
            }
            return try make(.ident(name), at: token.offset)
        case .quotedIdentifier:
            throw SyntaxError(message: SyntaxMessages.quotedIdentifierPlacement, offset: token.offset)
        case .leftParen:
            advance()
            let inner = try parseExpr()
            try expect(.rightParen, "')'")
            return inner
        case .leftBracket:
            advance()
            var elements: [Expr] = []
            while current.kind != .rightBracket {
                if current.kind == .question { throw SyntaxError(message: SyntaxMessages.optionalSyntax, offset: current.offset) }
                elements.append(try parseExpr())
                guard take(.comma) else { break }
            }
            try expect(.rightBracket, "',' or ']'")
            return try make(.list(elements), at: token.offset, children: elements)
        case .leftBrace:
            advance()
            var entries: [MapEntry] = []
            var children: [Expr] = []
            while current.kind != .rightBrace {
                if current.kind == .question { throw SyntaxError(message: SyntaxMessages.optionalSyntax, offset: current.offset) }
                let key = try parseExpr()
                let colon = current.offset
                try expect(.colon, "':'")
                let value = try parseExpr()
                entries.append(MapEntry(id: nextID(offset: colon), key: key, value: value))
                children += [key, value]
                guard take(.comma) else { break }
            }
            try expect(.rightBrace, "',' or '}'")
            return try make(.map(entries), at: token.offset, children: children)
        default:
            throw SyntaxError(message: SyntaxMessages.unexpected(token.kind, expected: "an expression"), offset: token.offset)
        }
    }

    static func intValue(_ digits: String, hex: Bool, negative: Bool, offset: Int) throws(SyntaxError) -> Int64 {
        let written = (negative ? "-" : "") + (hex ? "0x" : "") + digits
        guard let magnitude = UInt64(digits, radix: hex ? 16 : 10) else {
            throw SyntaxError(message: SyntaxMessages.intOutOfRange(written), offset: offset)
        }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            guard magnitude <= UInt64(Int64.max) else { throw SyntaxError(message: SyntaxMessages.intOutOfRange(written), offset: offset) }
            return -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw SyntaxError(message: SyntaxMessages.intOutOfRange(written), offset: offset) }
        return Int64(magnitude)
    }

    /// Words CEL reserves: they cannot name variables or functions, but may follow a dot.
    static let reservedWords: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let",
        "loop", "package", "namespace", "return", "var", "void", "while",
    ]
}
