/// One lexical element of an expression, with the UTF-8 byte offset where it starts.
struct Token: Sendable {
    /// What the token is.
    enum Kind: Sendable, Equatable {
        case identifier(String)
        /// A backquoted field name such as `` `foo.txt` ``, allowed only after a dot.
        case quotedIdentifier(String)
        /// An integer literal's digits as written (without sign or `u` suffix) and its base.
        case int(digits: String, hex: Bool)
        case uint(digits: String, hex: Bool)
        case double(String)
        case string(String)
        case bytes([UInt8])
        case `true`, `false`, null, `in`
        case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
        case dot, comma, colon, question
        case bang, minus, plus, star, slash, percent
        case less, lessEqual, greater, greaterEqual, equal, notEqual
        case and, or
        case end
    }

    /// What the token is.
    let kind: Kind
    /// The UTF-8 byte offset of the token's first byte.
    let offset: Int
}

extension Token.Kind {
    /// How the token reads in a syntax error message.
    var display: String {
        switch self {
        case .identifier(let name): "'\(name)'"
        case .quotedIdentifier(let name): "'`\(name)`'"
        case .int, .uint, .double: "number"
        case .string: "string"
        case .bytes: "bytes"
        case .true: "'true'"
        case .false: "'false'"
        case .null: "'null'"
        case .in: "'in'"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .leftBrace: "'{'"
        case .rightBrace: "'}'"
        case .dot: "'.'"
        case .comma: "','"
        case .colon: "':'"
        case .question: "'?'"
        case .bang: "'!'"
        case .minus: "'-'"
        case .plus: "'+'"
        case .star: "'*'"
        case .slash: "'/'"
        case .percent: "'%'"
        case .less: "'<'"
        case .lessEqual: "'<='"
        case .greater: "'>'"
        case .greaterEqual: "'>='"
        case .equal: "'=='"
        case .notEqual: "'!='"
        case .and: "'&&'"
        case .or: "'||'"
        case .end: "end of expression"
        }
    }
}
