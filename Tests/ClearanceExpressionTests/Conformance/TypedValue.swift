import ClearanceCore
import ClearanceExpression
import Foundation
import ClearanceTestSupport

/// The conformance files' typed values (`{"int": "42"}`, `{"list": [...]}`), and strict comparison.
enum TypedValue {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    /// A typed JSON value as a ``Value``.
    static func decode(_ json: JSONValue) throws -> Value {
        guard case .object(let fields) = json, let (kind, payload) = fields.first, fields.count == 1 else {
            throw Malformed(description: "not a typed value: \(json)")
        }
        switch (kind, payload) {
        case ("null", _): return .null
        case ("bool", .bool(let b)): return .bool(b)
        case ("int", .string(let text)): if let i = Int64(text) { return .int(i) }
        case ("uint", .string(let text)): if let u = UInt64(text) { return .uint(u) }
        case ("double", .number(let d)): return .double(d)
        case ("double", .string(let text)):
            switch text {
            case "NaN": return .double(.nan)
            case "Infinity": return .double(.infinity)
            case "-Infinity": return .double(-.infinity)
            default: if let d = Double(text) { return .double(d) }
            }
        case ("string", .string(let s)): return .string(s)
        case ("bytes_b64", .string(let text)): if let data = Data(base64Encoded: text) { return .bytes(Array(data)) }
        case ("list", .array(let items)): return .list(try items.map(decode))
        case ("map", .array(let pairs)):
            let entries = try pairs.map { pair -> (key: Value, value: Value) in
                guard case .array(let kv) = pair, kv.count == 2 else { throw Malformed(description: "bad map entry \(pair)") }
                return (try decode(kv[0]), try decode(kv[1]))
            }
            return .map(try ValueMap(entries: entries))
        case ("timestamp", .string(let text)):
            if case .timestamp(let t) = TimestampSyntax.parse(text, allowDate: false) { return .timestamp(t) }
        case ("duration", .string(let text)): if let d = DurationValue.parse(text) { return .duration(d) }
        case ("type", .string(let name)): return .type(TypeValue(name: name))
        default: break
        }
        throw Malformed(description: "cannot read typed value \(kind): \(payload)")
    }

    /// Whether two values have the same type and value (NaN matches NaN; maps ignore order).
    static func same(_ expected: Value, _ actual: Value) -> Bool {
        switch (expected, actual) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.uint(let a), .uint(let b)): return a == b
        case (.double(let a), .double(let b)):
            if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
            return a == b && (a != 0 || a.sign == b.sign)
        case (.string(let a), .string(let b)): return Array(a.unicodeScalars) == Array(b.unicodeScalars)
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.timestamp(let a), .timestamp(let b)): return a == b
        case (.duration(let a), .duration(let b)): return a == b
        case (.type(let a), .type(let b)): return a == b
        default: break
        }
        if let a = expected.listElements, let b = actual.listElements {
            return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        }
        guard let a = mapEntries(expected), let b = mapEntries(actual), a.count == b.count else { return false }
        return a.allSatisfy { entry in b.contains { same(entry.key, $0.key) && same(entry.value, $0.value) } }
    }

    private static func mapEntries(_ value: Value) -> [(key: Value, value: Value)]? {
        switch value {
        case .map(let map): return Array(zip(map.keys, map.values)).map { (key: $0.0, value: $0.1) }
        case .nodeMap(let document, let id):
            return (0..<document.count(id)).map {
                (Value(document: document, id: document.key($0, of: id)), Value(document: document, id: document.value($0, of: id)))
            }
        default: return nil
        }
    }
}
