import ClearanceDocument
import ClearanceServer
import ClearanceTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting

/// Checks answers against openapi.yaml: the operation lists the status, the content type is one it names, every required
/// header is there, and the JSON body matches the schema. Objects are held closed: a member the schema does not list is a
/// problem, so every field the server writes is documented.
struct OpenAPIContractChecker {
    let root: Node

    /// The document the server serves (the repository's openapi.yaml, built in).
    init() throws {
        let documents = try YAMLLoader(symbols: SymbolTable()).load(bytes: OpenAPIContract.bytes, name: "openapi.yaml")
        root = documents[0].root
    }

    /// What is wrong with an answer to `method` at the path template `path` (as openapi.yaml writes it); empty when it conforms.
    func problems(_ response: TestResponse, method: String, path: String) -> [String] {
        guard let operation = root["paths"]?[path]?[method.lowercased()] else { return ["openapi.yaml has no operation \(method) \(path)"] }
        let code = String(response.status.code)
        guard let declared = operation["responses"]?[code].map(resolve) else {
            return ["\(method) \(path) answered \(code), which openapi.yaml does not list"]
        }
        var found: [String] = []
        for (name, header) in declared["headers"]?.entries ?? [] where header["required"]?.bool == true {
            let wanted = name.string?.lowercased() ?? ""
            if !response.headers.contains(where: { $0.name.canonicalName == wanted }) { found.append("no \(name.string ?? "") header") }
        }
        guard let content = declared["content"] else {
            if response.body.readableBytes > 0 { found.append("a body where openapi.yaml declares none") }
            return found
        }
        let type = response.headers[.contentType].map { String($0.prefix { $0 != ";" }) } ?? ""
        guard let media = content[type] else { return found + ["content type '\(type)' is not among \(content.entries.compactMap(\.key.string))"] }
        guard type.hasSuffix("json"), let schema = media["schema"] else { return found }
        do {
            let value = try response.json
            found += problems(value, schema, at: "body")
        } catch {
            found.append("the body is not JSON: \(response.text)")
        }
        return found
    }

    /// The node a `$ref` names, or the node itself.
    func resolve(_ node: Node) -> Node {
        guard let reference = node["$ref"]?.string, reference.hasPrefix("#/") else { return node }
        var target = root
        for part in reference.dropFirst(2).split(separator: "/") { guard let next = target[String(part)] else { return node }; target = next }
        return resolve(target)
    }

    /// What is wrong with a value against a schema.
    func problems(_ value: JSONValue, _ schemaNode: Node, at path: String) -> [String] {
        let schema = resolve(schemaNode)
        if let choices = schema["oneOf"] ?? schema["anyOf"] {
            let matching = choices.elements.filter { problems(value, $0, at: path).isEmpty }
            return matching.count == 1 || (schema["anyOf"] != nil && !matching.isEmpty) ? [] : ["\(path): matches \(matching.count) of the choices"]
        }
        var found: [String] = []
        if let type = schema["type"] {
            let types = type.kind == .sequence ? type.elements.compactMap(\.string) : [type.string ?? ""]
            guard types.contains(where: { Self.isOfType(value, $0) }) else { return ["\(path): \(value) is not of type \(types.joined(separator: " or "))"] }
        }
        if let allowed = schema["enum"] {
            let matches = allowed.elements.contains { option in
                switch value {
                case .null: option.isNull
                case .string(let text): option.string == text
                default: false
                }
            }
            if !matches { found.append("\(path): \(value) is not among the enum values") }
        }
        if let constant = schema["const"]?.string, value.string != constant { found.append("\(path): \(value) is not \(constant)") }
        if case .object(let members) = value {
            for key in schema["required"]?.elements.compactMap(\.string) ?? [] where members[key] == nil { found.append("\(path): no `\(key)`") }
            if let properties = schema["properties"] {
                for (key, member) in members {
                    guard let property = properties[key] else { found.append("\(path): `\(key)` is not in openapi.yaml"); continue }
                    found += problems(member, property, at: path + "." + key)
                }
            }
        }
        if case .array(let elements) = value, let items = schema["items"] {
            for (index, element) in elements.enumerated() { found += problems(element, items, at: "\(path)[\(index)]") }
        }
        return found
    }

    private static func isOfType(_ value: JSONValue, _ type: String) -> Bool {
        switch (value, type) {
        case (.null, "null"), (.bool, "boolean"), (.string, "string"), (.array, "array"), (.object, "object"), (.number, "number"): true
        case (.number(let number), "integer"): number.rounded() == number
        default: false
        }
    }
}
