/// Every message the lexer, parser and macro expander produce, in one place.
enum SyntaxMessages {
    static func unexpectedCharacter(_ scalar: Unicode.Scalar) -> String {
        scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F
            ? "unexpected character '\(Character(scalar))'"
            : "unexpected character U+\(String(scalar.value, radix: 16, uppercase: true))"
    }
    static let invalidUTF8 = "expression is not valid UTF-8"
    static let unterminatedString = "unterminated string literal"
    static let newlineInString = "line break in a quoted string; use \\n or a triple-quoted string"
    static let unterminatedQuotedIdentifier = "unterminated backquoted field name"
    static let emptyQuotedIdentifier = "empty backquoted field name"
    static func invalidQuotedIdentifier(_ scalar: Unicode.Scalar) -> String {
        "character '\(Character(scalar))' is not allowed in a backquoted field name"
    }
    static func invalidEscape(_ text: String) -> String { "invalid escape sequence '\\\(text)'" }
    static let unicodeEscapeInBytes = "\\u and \\U escapes are not allowed in bytes literals"
    static func invalidCodePoint(_ value: UInt32) -> String {
        "escape denotes U+\(String(value, radix: 16, uppercase: true)), which is not a Unicode scalar"
    }
    static let missingHexDigits = "hexadecimal literal needs at least one digit after 0x"
    static let missingExponentDigits = "exponent needs at least one digit"
    static func intOutOfRange(_ text: String) -> String { "integer literal \(text) is out of range for int" }
    static func uintOutOfRange(_ text: String) -> String { "integer literal \(text) is out of range for uint" }
    static func doubleOutOfRange(_ text: String) -> String { "double literal \(text) is out of range" }
    static func unexpected(_ found: Token.Kind, expected: String) -> String {
        "unexpected \(found.display), expected \(expected)"
    }
    static func reservedIdentifier(_ name: String) -> String { "'\(name)' is a reserved word and cannot be used as a name" }
    static let quotedIdentifierPlacement = "a backquoted name can only follow a dot, as in x.`field-name`"
    static let messageConstruction = "message construction (Type{field: value}) is not supported"
    static let optionalSyntax = "optional syntax (?. and ?[) is not supported"
    static let mixedUnary = "'!' and '-' cannot be mixed without parentheses"
    static func tooLong(_ size: Int, limit: Int) -> String {
        "expression is \(size) bytes long, over the limit of \(limit)"
    }
    static func tooDeep(limit: Int) -> String { "expression nests more than \(limit) levels deep" }
    static let hasArgument = "has() takes a field selection, as in has(member.offboarding)"
    static func macroVariable(_ macro: String) -> String {
        "the variable of \(macro)() must be a simple name, as in list.\(macro)(x, ...)"
    }
    static func duplicateMacroVariables(_ name: String) -> String { "both loop variables are named '\(name)'" }
}
