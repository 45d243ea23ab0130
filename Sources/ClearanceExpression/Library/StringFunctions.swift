import ClearanceRegex

extension StandardLibrary {
    /// `size`, and the string tests `contains`, `startsWith`, `endsWith`, `matches`.
    static let stringFunctions: [FunctionDecl] = [
        FunctionDecl(name: "size", doc: "The number of code points of a string, bytes of bytes, elements of a list or entries of a map.", costsBySize: true, overloads: [
            Overload("size_string", [.string], .int, .unary(size)),
            Overload("size_bytes", [.bytes], .int, .unary(size)),
            Overload("size_list", [.list(.a)], .int, .unary(size)),
            Overload("size_map", [.map(.a, .b)], .int, .unary(size)),
            Overload("string_size", receiver: true, [.string], .int, .unary(size)),
            Overload("bytes_size", receiver: true, [.bytes], .int, .unary(size)),
            Overload("list_size", receiver: true, [.list(.a)], .int, .unary(size)),
            Overload("map_size", receiver: true, [.map(.a, .b)], .int, .unary(size)),
        ]),
        FunctionDecl(name: "contains", doc: "Whether a string contains another.", costsBySize: true, overloads: [
            Overload("contains_string", receiver: true, [.string, .string], .bool, .binary { a, b in
                guard case .string(let text) = a, case .string(let part) = b else { return nil }
                return .bool(Self.find(Array(part.utf8), in: Array(text.utf8)))
            }),
        ]),
        FunctionDecl(name: "startsWith", doc: "Whether a string starts with another.", costsBySize: true, overloads: [
            Overload("starts_with_string", receiver: true, [.string, .string], .bool, .binary { a, b in
                guard case .string(let text) = a, case .string(let prefix) = b else { return nil }
                return .bool(text.utf8.starts(with: prefix.utf8))
            }),
        ]),
        FunctionDecl(name: "endsWith", doc: "Whether a string ends with another.", costsBySize: true, overloads: [
            Overload("ends_with_string", receiver: true, [.string, .string], .bool, .binary { a, b in
                guard case .string(let text) = a, case .string(let suffix) = b else { return nil }
                return .bool(text.utf8.reversed().starts(with: suffix.utf8.reversed()))
            }),
        ]),
        FunctionDecl(name: "matches", doc: "Whether a string contains a match of an RE2 regular expression (anchor with ^ and $ for a whole match).", costsBySize: true, overloads: [
            Overload("matches", [.string, .string], .bool, .binary(matches)),
            Overload("matches_string", receiver: true, [.string, .string], .bool, .binary(matches)),
        ]),
    ]

    private static let size: @Sendable (Value) throws(EvaluationError) -> Value? = { value in
        switch value {
        case .string(let s): return .int(Int64(s.unicodeScalars.count))
        case .bytes(let b): return .int(Int64(b.count))
        default: return value.containerCount.map { .int(Int64($0)) }
        }
    }

    private static let matches: @Sendable (Value, Value) throws(EvaluationError) -> Value? = { text, pattern throws(EvaluationError) in
        guard case .string(let subject) = text, case .string(let source) = pattern else { return nil }
        return .bool(try compileRegex(source).matches(subject))  // a call the planner did not specialize: rare
    }

    /// Compiles a pattern, turning a syntax error into an evaluation error.
    static func compileRegex(_ pattern: String) throws(EvaluationError) -> LinearRegex {
        do {
            return try LinearRegex(pattern)
        } catch {
            throw EvaluationError(message: RuntimeMessages.invalidRegex(pattern, error.message))
        }
    }

    /// Whether `needle` occurs in `haystack` (UTF-8 bytes, so code point semantics).
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        guard let first = needle.first else { return true }
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == first, haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }
}
