import ClearanceCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns scalar text into a typed value: the YAML 1.2 core schema plus dates and RFC 3339 date-times.
///
/// Plain scalars are resolved by their form; quoted and block scalars are strings; an explicit
/// core tag (`!!str !!int !!float !!bool !!null !!timestamp`) forces its type.
enum ScalarResolver {
    /// A resolved value, or the reason the text cannot hold the type it claims.
    enum Resolution {
        case null
        case bool(Bool)
        case int(Int64)
        case double(Double)
        case string
        case timestamp(Timestamp)
        case failure(code: String, message: String)
    }

    /// The core tags a scalar may carry.
    enum ScalarTag {
        case string, int, float, bool, null, timestamp
    }

    /// Resolves a plain (unquoted, untagged) scalar.
    static func resolvePlain(_ text: UnsafeBufferPointer<UInt8>) -> Resolution {
        guard let first = text.first else { return .null }
        switch first {
        case UInt8(ascii: "~"): return text.count == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"): return isNull(text) ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return bool(text).map { .bool($0) } ?? .string
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            // Four digits and a dash cannot start a number: such text is a date, or a string.
            if startsLikeDate(text) { return timestamp(text) ?? .string }
            return number(text) ?? timestamp(text) ?? .string
        default:
            return .string
        }
    }

    /// Resolves a scalar that carries an explicit core tag, whatever its style.
    static func resolve(_ text: UnsafeBufferPointer<UInt8>, as tag: ScalarTag) -> Resolution {
        let shown = String(decoding: text, as: UTF8.self)
        switch tag {
        case .string:
            return .string
        case .null:
            return text.isEmpty || (text.count == 1 && text[0] == UInt8(ascii: "~")) || isNull(text)
                ? .null : .failure(code: YAMLErrorCode.tag, message: "\(shown.quotedExcerpt) is not a null (!!null takes null, ~ or nothing)")
        case .bool:
            return bool(text).map { .bool($0) }
                ?? .failure(code: YAMLErrorCode.tag, message: "\(shown.quotedExcerpt) is not a bool (!!bool takes true or false)")
        case .int:
            if let resolved = integer(text) { return resolved }
            return .failure(code: YAMLErrorCode.tag, message: "\(shown.quotedExcerpt) is not an integer")
        case .float:
            switch number(text) {
            case .int(let value)?: return .double(Double(value))
            case let resolved? : return resolved
            case nil: return .failure(code: YAMLErrorCode.tag, message: "\(shown.quotedExcerpt) is not a floating-point number")
            }
        case .timestamp:
            return timestamp(text) ?? .failure(code: YAMLErrorCode.tag, message: "\(shown.quotedExcerpt) is not a date (YYYY-MM-DD) or an RFC 3339 date-time")
        }
    }

    private static func isNull(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        equals(text, "null") || equals(text, "Null") || equals(text, "NULL")
    }

    private static func bool(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
        if equals(text, "true") || equals(text, "True") || equals(text, "TRUE") { return true }
        if equals(text, "false") || equals(text, "False") || equals(text, "FALSE") { return false }
        return nil
    }

    private static func equals(_ text: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard text.count == literal.utf8CodeUnitCount else { return false }
        let bytes = literal.utf8Start
        for index in 0..<text.count where text[index] != bytes[index] { return false }
        return true
    }

    /// An int, a float, or `nil` when the text is neither.
    private static func number(_ text: UnsafeBufferPointer<UInt8>) -> Resolution? {
        if let resolved = integer(text) { return resolved }
        return float(text)
    }

    /// Decimal `[-+]?[0-9]+`, octal `0o[0-7]+` or hexadecimal `0x[0-9a-fA-F]+`; out of range is a failure.
    private static func integer(_ text: UnsafeBufferPointer<UInt8>) -> Resolution? {
        var index = 0
        var negative = false
        var radix: UInt64 = 10
        if text.count > 2, text[0] == UInt8(ascii: "0"), text[1] == UInt8(ascii: "o") || text[1] == UInt8(ascii: "x") {
            radix = text[1] == UInt8(ascii: "o") ? 8 : 16
            index = 2
        } else if let first = text.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        guard index < text.count else { return nil }
        var magnitude: UInt64 = 0
        var overflow = false
        while index < text.count {
            guard let digit = digitValue(text[index], radix: radix) else { return nil }
            let (shifted, o1) = magnitude.multipliedReportingOverflow(by: radix)
            let (sum, o2) = shifted.addingReportingOverflow(digit)
            overflow = overflow || o1 || o2
            magnitude = sum
            index += 1
        }
        let limit: UInt64 = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        if overflow || magnitude > limit {
            return .failure(code: YAMLErrorCode.integerRange,
                            message: "integer \(String(decoding: text, as: UTF8.self).cut(toUTF8Length: String.excerptLength)) does not fit in 64 bits (quote it if it is text)")
        }
        if negative { return .int(magnitude == limit ? Int64.min : -Int64(magnitude)) }
        return .int(Int64(magnitude))
    }

    private static func digitValue(_ byte: UInt8, radix: UInt64) -> UInt64? {
        let value: UInt64
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt64(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = UInt64(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): value = UInt64(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
        return value < radix ? value : nil
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?.inf` and `.nan` in their three spellings.
    private static func float(_ text: UnsafeBufferPointer<UInt8>) -> Resolution? {
        var index = 0
        var negative = false
        if let first = text.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        let rest = UnsafeBufferPointer(rebasing: text[index...])
        if equals(rest, ".inf") || equals(rest, ".Inf") || equals(rest, ".INF") { return .double(negative ? -.infinity : .infinity) }
        if index == 0, equals(rest, ".nan") || equals(rest, ".NaN") || equals(rest, ".NAN") { return .double(.nan) }
        func isDigit(_ i: Int) -> Bool { i < text.count && text[i] >= UInt8(ascii: "0") && text[i] <= UInt8(ascii: "9") }
        var integerDigits = 0, fractionDigits = 0
        while isDigit(index) { index += 1; integerDigits += 1 }
        if index < text.count, text[index] == UInt8(ascii: ".") {
            index += 1
            while isDigit(index) { index += 1; fractionDigits += 1 }
            if integerDigits == 0 && fractionDigits == 0 { return nil }
        } else if integerDigits == 0 {
            return nil
        }
        if index < text.count, text[index] == UInt8(ascii: "e") || text[index] == UInt8(ascii: "E") {
            index += 1
            if index < text.count, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") { index += 1 }
            guard isDigit(index) else { return nil }
            while isDigit(index) { index += 1 }
        }
        guard index == text.count else { return nil }
        let value = String(decoding: text, as: UTF8.self).withCString { strtod($0, nil) }
        return .double(value)
    }

    /// Whether the text starts with four digits and a dash, as a date does.
    private static func startsLikeDate(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count >= 5, text[4] == UInt8(ascii: "-") else { return false }
        for index in 0..<4 where !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[index]) { return false }
        return true
    }

    /// A date or date-time, a failure for an impossible one, or `nil` when the text is not shaped like one.
    private static func timestamp(_ text: UnsafeBufferPointer<UInt8>) -> Resolution? {
        guard text.count >= 10, text[4] == UInt8(ascii: "-") else { return nil }
        switch TimestampSyntax.parse(text) {
        case .timestamp(let value): return .timestamp(value)
        case .notATimestamp: return nil
        case .invalid(let reason):
            return .failure(code: YAMLErrorCode.invalidTimestamp,
                            message: "\(String(decoding: text, as: UTF8.self).quotedExcerpt) is not a valid date: \(reason) (quote it if it is text)")
        }
    }
}
