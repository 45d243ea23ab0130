/// Writes the Markdown reference of every kind of document (`docs/kinds/`): each field with its type,
/// whether it is required, its allowed values and meaning, and a smallest valid example, all from the shapes.
public enum KindReferenceWriter {
    /// One reference page: its file name and the kind it describes.
    public struct Page: Sendable {
        /// The file name, such as `team-member.md`.
        public let fileName: String
        /// The described document.
        public let shape: ObjectShape
        /// The name policies' expressions read a document of the kind as (`member`); `nil` for a waiver.
        public let bindingName: String?
        /// The map from id to document every expression can read (`members`), if the kind contributes one.
        public let lookupName: String?
        /// The maps from a field's value to the ids holding it (`member_emails`) the kind contributes.
        public var indexes: [KindIndex] = []
        /// Whether documents of the kind are built from sources only (never written by hand).
        public var isObserved = false
    }

    /// The pages of every kind registered in `kinds`, then the waiver's.
    public static func pages(_ kinds: DocumentKinds = .standard) -> [Page] {
        kinds.descriptors.map { Page(fileName: fileName(kind: $0.kind.rawValue), shape: $0.shape, bindingName: $0.bindingName, lookupName: $0.lookupName, indexes: $0.indexes,
                                        isObserved: $0.isObserved) }
            + [Page(fileName: fileName(kind: DocumentKind.waiver.rawValue), shape: PolicyShapes.waiver, bindingName: nil, lookupName: nil)]
    }

    /// A kind's page file name: `TeamMember` becomes `team-member.md`, `AIWorkflow` `ai-workflow.md`.
    public static func fileName(kind: String) -> String {
        let characters = Array(kind)
        var name = ""
        for (index, character) in characters.enumerated() {
            // A word starts at an uppercase letter after a lowercase one, or at the last capital of an acronym (`AIWorkflow`).
            let previous = index > 0 ? characters[index - 1] : nil, next = index + 1 < characters.count ? characters[index + 1] : nil
            if character.isUppercase, let previous,
               !previous.isUppercase || next?.isLowercase == true { name += "-" }
            name += character.lowercased()
        }
        return name + ".md"
    }

    /// The index page (`README.md`) listing `pages`.
    public static func index(_ pages: [Page]) -> String {
        var lines = ["# Document kinds", "",
                     "One page per kind of document Clearance reads, generated from the shapes the loader checks",
                     "(`clearance schema --reference docs/kinds` writes them again; a test fails when they are stale).", ""]
        lines += pages.map { "- [\($0.shape.name)](\($0.fileName)): \($0.shape.summary)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The Markdown page of one kind.
    public static func page(_ page: Page) -> String {
        let shape = page.shape
        var lines = ["# \(shape.name)", "", shape.summary, ""]
        if let binding = page.bindingName {
            var usage = "A policy with `target: \(shape.name)` reads each document of this kind as `\(binding)`"
            usage += page.lookupName.map { "; every expression can look one up by id in `\($0)`." } ?? "."
            lines += [usage, ""]
            for index in page.indexes {
                lines += [index.holds == .ids
                          ? "`\(index.name)` maps each `\(index.path.joined(separator: "."))` to the ids of the documents recorded with it (a list of one when it is unique)."
                          : "`\(index.name)` maps each `\(index.path.joined(separator: "."))` to the documents recorded with it, in the order read.", ""]
            }
            if page.isObserved {
                lines += ["Documents of this kind are built from vendors' exports named under `sources` in `clearance.yaml`, each node located at the "
                          + "cell or node it was read from; an input file that holds one is refused. See [sources](../sources.md).", ""]
            }
        } else {
            lines += ["Waivers are read from waiver files only (`waivers` in `clearance.yaml`); policies do not check them.", ""]
        }
        if let schema = JSONSchemaWriter.files.first(where: { $0.shape === shape }) {
            lines += ["JSON Schema for editors: [`Schemas/\(schema.fileName)`](../../Schemas/\(schema.fileName)).", ""]
        }
        lines += ["## Fields", "",
                  "A nested field is written as a path: `a.b` is `b` inside the mapping `a`, `a[].b` is `b` in each element of the list `a`.",
                  "Required means the key must be present whenever the mapping holding it is; an optional key may also be absent or null.", "",
                  "| Field | Type | Required | Allowed values | Description |", "| --- | --- | --- | --- | --- |"]
        lines += rows(shape, prefix: "")
        lines += ["", "## Example", "", "The smallest valid document: the required fields, with placeholder values.",
                  "The sample team in [`Fixtures/`](../../Fixtures/) has complete ones.", "", "```yaml"]
        lines += render(example(shape), indent: "")
        lines += ["```"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// One table row per field of `shape`, nested fields after their parent.
    static func rows(_ shape: ObjectShape, prefix: String) -> [String] {
        shape.properties.flatMap { property -> [String] in
            let path = prefix + property.name
            var description = property.summary
            if property.isEvidence { description = join(description, "Evidence: never later than the evaluation time.") }
            let nested = nestedObject(property.shape)
            if let (suffix, object) = nested, suffix.hasSuffix("[]"), !object.identity.isEmpty {
                description = join(description, "Elements are identified by " + list(object.identity.map { "`\($0)`" }) + ".")
            }
            let row = "| `\(path)` | \(cell(words(property.shape))) | \(property.isRequired ? "required" : "optional") | "
                + "\(cell(allowed(property.shape))) | \(cell(description)) |"
            guard let (suffix, object) = nested else { return [row] }
            return [row] + rows(object, prefix: path + suffix + ".")
        }
    }

    /// The mapping shape inside `shape` (through null, lists and dictionaries) and the path text that reaches it: `[]` per list, `.*` per dictionary.
    static func nestedObject(_ shape: Shape) -> (String, ObjectShape)? {
        switch shape {
        case .object(let object): ("", object)
        case .nullable(let inner): nestedObject(inner)
        case .list(let element): nestedObject(element).map { ("[]" + $0.0, $0.1) }
        case .dictionary(let value): nestedObject(value).map { (".*" + $0.0, $0.1) }
        default: nil
        }
    }

    /// The type in words: "a string", "a list of mappings (grant) or null".
    static func words(_ shape: Shape) -> String {
        switch shape {
        case .string: "a string"
        case .pattern: "a string"
        case .timestamp: "a date or a date-time"
        case .nullable(let inner): words(inner) + " or null"
        case .list(let element): "a list of " + plural(element)
        case .dictionary(let value): "a mapping of names to " + plural(value)
        case .oneOf(let shapes): shapes.map(words).joined(separator: " or ")
        default: shape.summary
        }
    }

    /// The type of many values in words: "strings", "mappings (device)".
    static func plural(_ shape: Shape) -> String {
        switch shape {
        case .string, .pattern: "strings"
        case .expression: "expressions"
        case .template: "messages"
        case .boolean: "booleans (true or false)"
        case .integer: "integers"
        case .timestamp: "dates or date-times"
        case .nullable(let inner): plural(inner) + " or nulls"
        case .list(let element): "lists of " + plural(element)
        case .dictionary: "mappings"
        case .object(let object): "mappings (\(object.name))"
        case .oneOf(let shapes): shapes.map(plural).joined(separator: " or ")
        case .any: "values"
        }
    }

    /// The values `shape` allows, when it limits them: "`sms`, `totp`", or a pattern with its meaning.
    static func allowed(_ shape: Shape) -> String {
        switch shape {
        case .string(let values?): list(values.map { "`\($0)`" }, conjunction: "or")
        case .pattern(let pattern): "\(pattern.description): `\(pattern.pattern)`"
        case .timestamp: "YYYY-MM-DD or an RFC 3339 date-time"
        case .nullable(let inner), .list(let inner), .dictionary(let inner): allowed(inner)
        default: ""
        }
    }

    /// A smallest valid value of `shape` for a property named `name`: the required fields of a mapping, one element of a list.
    static func example(_ shape: Shape, name: String) -> Example {
        switch shape {
        case .string(let values?): .scalar(values.first ?? "example")
        case .string, .template, .any: .scalar(placeholder(name))
        case .pattern(let pattern):
            .scalar([placeholder(name), "example", "EXAMPLE-1", "1", "example-org/example"].first(where: pattern.matches) ?? "example")
        case .expression: .scalar("'true'")
        case .boolean: .scalar("true")
        case .integer: .scalar("1")
        case .timestamp: .scalar("2026-01-01")
        case .nullable(let inner): example(inner, name: name)
        case .list(let element): .list([example(element, name: name)])
        case .dictionary: .mapping([])
        case .object(let object): example(object)
        case .oneOf(let shapes): shapes.first.map { example($0, name: name) } ?? .scalar(placeholder(name))
        }
    }

    /// A smallest valid mapping of `shape`: its required fields.
    static func example(_ shape: ObjectShape) -> Example {
        .mapping(shape.properties.filter(\.isRequired).map { ($0.name, example($0.shape, name: $0.name)) })
    }

    /// A value of an example document.
    indirect enum Example {
        case scalar(String)
        case list([Example])
        case mapping([(String, Example)])
    }

    /// The YAML lines of an example value at an indentation.
    static func render(_ value: Example, indent: String) -> [String] {
        switch value {
        case .scalar(let text): [indent + text]
        case .list(let elements):
            elements.flatMap { element -> [String] in
                let lines = render(element, indent: indent + "  ")
                guard let first = lines.first else { return [] }
                return [indent + "- " + first.dropFirst(indent.count + 2)] + lines.dropFirst()
            }
        case .mapping(let entries) where entries.isEmpty: [indent + "{}"]
        case .mapping(let entries):
            entries.flatMap { key, value -> [String] in
                if case .scalar(let text) = value { return [indent + key + ": " + text] }
                return [indent + key + ":"] + render(value, indent: indent + "  ")
            }
        }
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String], conjunction: String = "and") -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " \(conjunction) " + items[items.count - 1]
    }

    /// A placeholder string for a property: `example-` and its name, with `-` for `_`.
    private static func placeholder(_ name: String) -> String { "example-" + String(name.map { $0 == "_" ? "-" : $0 }) }

    /// Two sentences, either possibly empty, as one text.
    private static func join(_ first: String, _ second: String) -> String { first.isEmpty ? second : first + " " + second }

    /// Text made safe for a table cell: pipes escaped, line breaks as spaces.
    private static func cell(_ text: String) -> String {
        String(text.flatMap { character -> [Character] in character == "|" ? ["\\", "|"] : character.isNewline ? [" "] : [character] })
    }
}
