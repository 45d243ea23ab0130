import ClearanceCore

/// Writes JSON Schemas (draft 2020-12) from shapes, for editors to validate and complete files.
public enum JSONSchemaWriter {
    /// One schema file: its name and the object it describes.
    public struct SchemaFile: Sendable {
        /// The file name, such as `team-member.schema.json`.
        public let fileName: String
        /// The described object.
        public let shape: ObjectShape
    }

    /// Every schema Clearance ships.
    public static let files: [SchemaFile] = [
        SchemaFile(fileName: "team-member.schema.json", shape: DocumentShapes.teamMember),
        SchemaFile(fileName: "vendor.schema.json", shape: DocumentShapes.vendor),
        SchemaFile(fileName: "access-manifest.schema.json", shape: DocumentShapes.accessManifest),
        SchemaFile(fileName: "repository.schema.json", shape: DocumentShapes.repository),
        SchemaFile(fileName: "system.schema.json", shape: DocumentShapes.system),
        SchemaFile(fileName: "ai-workflow.schema.json", shape: DocumentShapes.aiWorkflow),
        SchemaFile(fileName: "service-account.schema.json", shape: ObservedShapes.serviceAccount),
        SchemaFile(fileName: "waiver.schema.json", shape: PolicyShapes.waiver),
        SchemaFile(fileName: "policy.schema.json", shape: PolicyShapes.policy),
        SchemaFile(fileName: "framework.schema.json", shape: PolicyShapes.framework),
        SchemaFile(fileName: "policy-tests.schema.json", shape: PolicyShapes.testsFile),
        SchemaFile(fileName: "clearance.schema.json", shape: PolicyShapes.configuration),
    ]

    /// A date or an RFC 3339 date-time, as text, with months, days, hours, minutes and seconds in range.
    static let timestampPattern = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
        + "([Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9]))?$"

    /// The schema of a file, pretty-printed.
    public static func schema(_ file: SchemaFile) -> String {
        var root = object(file.shape)
        root.insert(("$schema", .string("https://json-schema.org/draft/2020-12/schema")), at: 0)
        root.insert(("$id", .string("https://github.com/clearance/clearance/Schemas/" + file.fileName)), at: 1)
        root.insert(("title", .string(file.shape.name)), at: 2)
        return JSONText.object(root).pretty + "\n"
    }

    static func schema(_ shape: Shape) -> JSONText {
        switch shape {
        case .string(let allowed?): .object([("type", .string("string")), ("enum", .array(allowed.map(JSONText.string)))])
        case .string: .object([("type", .string("string"))])
        case .pattern(let pattern): .object([("type", .string("string")), ("pattern", .string(pattern.pattern))])
        case .expression: .object([("type", .array([.string("string"), .string("boolean")])), ("description", .string("A CEL expression."))])
        case .template: .object([("type", .string("string")), ("description", .string("A message with {{ expression }} templates."))])
        case .boolean: .object([("type", .string("boolean"))])
        case .integer: .object([("type", .string("integer"))])
        case .timestamp: .object([("type", .string("string")), ("pattern", .string(timestampPattern))])
        case .nullable(let inner): .object([("anyOf", .array([schema(inner), .object([("type", .string("null"))])]))])
        case .list(let element): .object([("type", .string("array")), ("items", schema(element))])
        case .dictionary(let value): .object([("type", .string("object")), ("additionalProperties", schema(value))])
        case .object(let object): .object(self.object(object))
        case .oneOf(let shapes): .object([("anyOf", .array(shapes.map(schema)))])
        case .any: .object([])
        }
    }

    static func object(_ shape: ObjectShape) -> [(String, JSONText)] {
        var members: [(String, JSONText)] = [("description", .string(shape.summary)), ("type", .string("object"))]
        members.append(("properties", .object(shape.properties.map { property in
            var value = schema(property.shape)
            if !property.summary.isEmpty, case .object(var fields) = value {
                fields.removeAll { $0.0 == "description" }  // the property's own words replace its shape's summary
                fields.insert(("description", .string(property.summary)), at: 0)
                value = .object(fields)
            }
            return (property.name, value)
        })))
        let required = shape.properties.filter(\.isRequired).map { JSONText.string($0.name) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        if shape.isClosed { members.append(("additionalProperties", .bool(false))) }
        return members
    }
}
