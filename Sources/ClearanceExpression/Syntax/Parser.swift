/// A parsed expression: the tree, each node's byte offset, and how deep the tree is.
struct ParsedExpression: Sendable {
    /// The root node.
    let expr: Expr
    /// The UTF-8 byte offset of each node, by node id.
    let offsets: [Int]
    /// The number of levels of the tree (1 for a single node).
    let depth: Int
    /// The number of ids handed out (some belong to nodes a macro replaced).
    var nodeCount: Int { offsets.count }
}

/// The bounds the parser enforces so that every later phase can recurse safely.
struct SyntaxLimits: Sendable {
    /// The longest expression accepted, in UTF-8 bytes.
    var maximumLength = 100_000
    /// The deepest tree accepted (and the deepest parenthesis nesting).
    var maximumDepth = 250
}

/// A recursive-descent parser for the CEL grammar, expanding macros as it goes.
///
/// `&&` and `||` chains are built as balanced trees, as cel-go does, so long chains stay shallow.
struct Parser {
    private let tokens: [Token]
    private var index = 0
    private var offsets: [Int] = []
    private var depths: [Int] = []
    private var recursion = 0
    private let limits: SyntaxLimits

    /// Parses `source`, or throws the first syntax error.
    static func parse(_ source: String, limits: SyntaxLimits = SyntaxLimits()) throws(SyntaxError) -> ParsedExpression {
        let length = source.utf8.count
        guard length <= limits.maximumLength else {
            throw SyntaxError(message: SyntaxMessages.tooLong(length, limit: limits.maximumLength), offset: 0,
                              code: ExpressionErrorCode.limit)
        }
        var parser = Parser(tokens: try Lexer.tokenize(source), limits: limits)
        let expr = try parser.parseExpr()
        guard case .end = parser.current.kind else {
            throw SyntaxError(message: SyntaxMessages.unexpected(parser.current.kind, expected: "an operator or the end"),
                              offset: parser.current.offset)
        }
        return ParsedExpression(expr: expr, offsets: parser.offsets, depth: parser.depths[expr.id])
    }

    private init(tokens: [Token], limits: SyntaxLimits) {
        self.tokens = tokens
        self.limits = limits
    }

    // MARK: Tokens

    var current: Token { tokens[index] }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func take(_ kind: Token.Kind) -> Bool {
        guard current.kind == kind else { return false }
        advance()
        return true
    }

    mutating func expect(_ kind: Token.Kind, _ what: String) throws(SyntaxError) {
        guard take(kind) else {
            throw SyntaxError(message: SyntaxMessages.unexpected(current.kind, expected: what), offset: current.offset)
        }
    }

    // MARK: Nodes

    mutating func nextID(offset: Int) -> Int {
        offsets.append(offset)
        depths.append(1)
        return offsets.count - 1
    }

    /// Makes a node, recording its offset and depth, and enforces the depth limit.
    mutating func make(_ kind: Expr.Kind, at offset: Int, children: [Expr] = []) throws(SyntaxError) -> Expr {
        let id = nextID(offset: offset)
        let depth = 1 + children.reduce(0) { max($0, depths[$1.id]) }
        guard depth <= limits.maximumDepth else {
            throw SyntaxError(message: SyntaxMessages.tooDeep(limit: limits.maximumDepth), offset: offset,
                              code: ExpressionErrorCode.limit)
        }
        depths[id] = depth
        return Expr(id: id, kind: kind)
    }

    private mutating func call(_ function: String, at offset: Int, _ args: [Expr]) throws(SyntaxError) -> Expr {
        try make(.call(function: function, target: nil, args: args), at: offset, children: args)
    }

    // MARK: Grammar

    mutating func parseExpr() throws(SyntaxError) -> Expr {
        recursion += 1
        defer { recursion -= 1 }
        guard recursion <= limits.maximumDepth else {
            throw SyntaxError(message: SyntaxMessages.tooDeep(limit: limits.maximumDepth), offset: current.offset,
                              code: ExpressionErrorCode.limit)
        }
        let condition = try parseLogical(or: true)
        guard current.kind == .question else { return condition }
        let offset = advance().offset
        let whenTrue = try parseLogical(or: true)
        try expect(.colon, "':'")
        let whenFalse = try parseExpr()
        return try call(Operator.conditional, at: offset, [condition, whenTrue, whenFalse])
    }

    /// `a || b || c` (or `&&`), balanced.
    private mutating func parseLogical(or: Bool) throws(SyntaxError) -> Expr {
        let token: Token.Kind = or ? .or : .and
        var terms = [or ? try parseLogical(or: false) : try parseRelation()]
        var operatorOffsets: [Int] = []
        while current.kind == token {
            operatorOffsets.append(advance().offset)
            terms.append(or ? try parseLogical(or: false) : try parseRelation())
        }
        return try balance(or ? Operator.logicalOr : Operator.logicalAnd, terms, operatorOffsets, 0, terms.count - 1)
    }

    private mutating func balance(_ function: String, _ terms: [Expr], _ ops: [Int], _ low: Int, _ high: Int) throws(SyntaxError) -> Expr {
        if low == high { return terms[low] }
        let middle = (low + high + 1) / 2
        let left = try balance(function, terms, ops, low, middle - 1)
        let right = try balance(function, terms, ops, middle, high)
        return try call(function, at: ops[middle - 1], [left, right])
    }

    private mutating func parseRelation() throws(SyntaxError) -> Expr {
        var left = try parseAddition()
        while true {
            let function: String
            switch current.kind {
            case .less: function = Operator.less
            case .lessEqual: function = Operator.lessEquals
            case .greater: function = Operator.greater
            case .greaterEqual: function = Operator.greaterEquals
            case .equal: function = Operator.equals
            case .notEqual: function = Operator.notEquals
            case .in: function = Operator.in
            default: return left
            }
            let offset = advance().offset
            let right = try parseAddition()
            left = try call(function, at: offset, [left, right])
        }
    }

    private mutating func parseAddition() throws(SyntaxError) -> Expr {
        var left = try parseMultiplication()
        while current.kind == .plus || current.kind == .minus {
            let token = advance()
            let right = try parseMultiplication()
            left = try call(token.kind == .plus ? Operator.add : Operator.subtract, at: token.offset, [left, right])
        }
        return left
    }

    private mutating func parseMultiplication() throws(SyntaxError) -> Expr {
        var left = try parseUnary()
        while true {
            let function: String
            switch current.kind {
            case .star: function = Operator.multiply
            case .slash: function = Operator.divide
            case .percent: function = Operator.modulo
            default: return left
            }
            let offset = advance().offset
            let right = try parseUnary()
            left = try call(function, at: offset, [left, right])
        }
    }

    private mutating func parseUnary() throws(SyntaxError) -> Expr {
        switch current.kind {
        case .bang:
            var offsets: [Int] = []
            while current.kind == .bang { offsets.append(advance().offset) }
            if current.kind == .minus { throw SyntaxError(message: SyntaxMessages.mixedUnary, offset: current.offset) }
            var operand = try parseMember(negativeLiteral: false)
            for offset in offsets.reversed() { operand = try call(Operator.logicalNot, at: offset, [operand]) }
            return operand
        case .minus:
            var offsets: [Int] = []
            while current.kind == .minus { offsets.append(advance().offset) }
            if current.kind == .bang { throw SyntaxError(message: SyntaxMessages.mixedUnary, offset: current.offset) }
            // A single minus directly before a number is part of the literal (so -9223372036854775808 is an int).
            if offsets.count == 1, case .int = current.kind { return try parseMember(negativeLiteral: true, signOffset: offsets[0]) }
            if offsets.count == 1, case .double = current.kind { return try parseMember(negativeLiteral: true, signOffset: offsets[0]) }
            var operand = try parseMember(negativeLiteral: false)
            for offset in offsets.reversed() { operand = try call(Operator.negate, at: offset, [operand]) }
            return operand
        default:
            return try parseMember(negativeLiteral: false)
        }
    }

    private mutating func parseMember(negativeLiteral: Bool, signOffset: Int = 0) throws(SyntaxError) -> Expr {
        var expr = try parsePrimary(negativeLiteral: negativeLiteral, signOffset: signOffset)
        while true {
            switch current.kind {
            case .dot:
                advance()
                if current.kind == .question { throw SyntaxError(message: SyntaxMessages.optionalSyntax, offset: current.offset) }
                let nameToken = advance()
                let name: String
                switch nameToken.kind {
                case .identifier(let text): name = text
                case .quotedIdentifier(let text):
                    expr = try make(.select(operand: expr, field: text, testOnly: false), at: nameToken.offset, children: [expr])
                    continue
                default:
                    throw SyntaxError(message: SyntaxMessages.unexpected(nameToken.kind, expected: "a field or method name"),
                                      offset: nameToken.offset)
                }
                if current.kind == .leftParen {
                    advance()
                    let args = try parseArguments()
                    expr = try makeCall(name, target: expr, args: args, at: nameToken.offset)
                } else {
                    expr = try make(.select(operand: expr, field: name, testOnly: false), at: nameToken.offset, children: [expr])
                }
            case .leftBracket:
                let offset = advance().offset
                if current.kind == .question { throw SyntaxError(message: SyntaxMessages.optionalSyntax, offset: current.offset) }
                let key = try parseExpr()
                try expect(.rightBracket, "']'")
                expr = try call(Operator.index, at: offset, [expr, key])
            case .leftBrace where Self.isQualifiedName(expr):
                throw SyntaxError(message: SyntaxMessages.messageConstruction, offset: current.offset)
            default:
                return expr
            }
        }
    }

    private static func isQualifiedName(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .ident: true
        case .select(let operand, _, let testOnly): !testOnly && isQualifiedName(operand)
        default: false
        }
    }

    mutating func parseArguments() throws(SyntaxError) -> [Expr] {
        var args: [Expr] = []
        if take(.rightParen) { return args }
        while true {
            args.append(try parseExpr())
            if take(.rightParen) { return args }
            try expect(.comma, "',' or ')'")
        }
    }
}
