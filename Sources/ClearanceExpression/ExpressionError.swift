import ClearanceCore

/// A compile-time error in an expression: a stable code, a message, and where in the expression it is.
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable identifier of the kind of error, such as `expr.unknown-identifier`.
    public var code: String
    /// What is wrong, such as `undeclared reference to 'memer' (did you mean 'member'?)`.
    public var message: String
    /// The UTF-8 byte offset in the expression source.
    public var offset: Int
    /// The 1-based line within the expression.
    public var line: Int
    /// The 1-based column within the line, counted in characters (Unicode scalars).
    public var column: Int
    /// The text of the expression line the error is on.
    public var sourceLine: String

    /// Creates an error at a byte offset of `source`, working out line, column and source line.
    public init(code: String, message: String, offset: Int, source: String) {
        let position = SourceText(source).position(of: offset)
        self.code = code
        self.message = message
        self.offset = offset
        self.line = position.line
        self.column = position.column
        self.sourceLine = position.lineText
    }

    /// `line:col: message`, then the expression line and a caret under the column.
    public var rendered: String {
        (["\(line):\(column): \(message)"] + SourceSnippet.render(line: sourceLine, column: column)).joined(separator: "\n")
    }

    /// `line:col: message`.
    public var description: String { "\(line):\(column): \(message)" }
}

/// The stable codes of ``ExpressionError``.
public enum ExpressionErrorCode {
    /// The text is not a well-formed expression.
    public static let syntax = "expr.syntax"
    /// The expression is too long or nests too deeply.
    public static let limit = "expr.limit"
    /// A name that is not declared.
    public static let unknownIdentifier = "expr.unknown-identifier"
    /// A function or method that does not exist.
    public static let unknownFunction = "expr.unknown-function"
    /// A function called with the wrong number of arguments or in the wrong style.
    public static let arity = "expr.arity"
    /// Operands whose types can never match the operator or function.
    public static let type = "expr.type"
    /// A field that a closed document type does not have.
    public static let noSuchField = "expr.no-such-field"
}
