import ClearanceCore
import ClearanceExpression
import ClearanceDocument

/// Compiles expressions written in YAML scalars, turning each error into a diagnostic at the
/// exact line and column of the file.
struct ExpressionCompiler {
    /// The expression text of a scalar node: a string, or a bare `true`/`false`.
    static func text(of node: Node) -> String? {
        if let text = node.string { return text }
        if let value = node.bool { return value ? "true" : "false" }
        return nil
    }

    /// Compiles `source`, which starts at UTF-8 offset `start` of `node`'s value.
    func compile(_ source: String, in node: Node, at start: Int = 0, declarations: Declarations) -> Result<CompiledExpression, Diagnostic> {
        do {
            let program = try Program.compile(source, declarations: declarations)
            return .success(CompiledExpression(source: source, program: program, location: node.location(ofValueOffset: start)))
        } catch {
            return .failure(Self.diagnostic(error, in: node, at: start))
        }
    }

    /// A diagnostic at the place in the file where an expression error is.
    static func diagnostic(_ error: ExpressionError, in node: Node, at start: Int) -> Diagnostic {
        diagnostic(code: error.code, message: error.message, in: node, at: start + error.offset)
    }

    /// A diagnostic at a UTF-8 offset of a scalar's value.
    static func diagnostic(code: String, message: String, in node: Node, at offset: Int) -> Diagnostic {
        let location = node.location(ofValueOffset: offset)
        return Diagnostic(code: code, message: message, location: location, sourceLine: node.document.source.lineText(location.line))
    }
}

/// Splits a message into text and `{{ expression }}` parts.
enum TemplateScanner {
    /// One `{{ ... }}`: the expression text, its UTF-8 offset in the message, and the whole written form.
    struct Placeholder {
        var expression: String
        var offset: Int
        var written: String
    }

    /// An unclosed `{{` at a UTF-8 offset of the message.
    struct Unclosed: Error { var offset: Int }

    /// The pieces of `message` in order, or where an unclosed `{{` is.
    static func scan(_ message: String) -> Result<[Either], Unclosed> {
        let bytes = Array(message.utf8)
        var pieces: [Either] = []
        var text: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") {
                guard let close = find(bytes, from: index + 2) else { return .failure(Unclosed(offset: index)) }
                if !text.isEmpty { pieces.append(.text(String(decoding: text, as: UTF8.self))); text = [] }
                var start = index + 2, end = close
                while start < end, bytes[start] == 0x20 { start += 1 }
                while end > start, bytes[end - 1] == 0x20 { end -= 1 }
                pieces.append(.placeholder(Placeholder(expression: String(decoding: bytes[start..<end], as: UTF8.self), offset: start,
                                                       written: String(decoding: bytes[index..<(close + 2)], as: UTF8.self))))
                index = close + 2
            } else {
                text.append(bytes[index])
                index += 1
            }
        }
        if !text.isEmpty { pieces.append(.text(String(decoding: text, as: UTF8.self))) }
        return .success(pieces)
    }

    /// A piece of a message.
    enum Either {
        case text(String)
        case placeholder(Placeholder)
    }

    private static func find(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "}"), bytes[index + 1] == UInt8(ascii: "}") { return index }
            index += 1
        }
        return nil
    }
}
