import ClearanceCore
import ClearanceDocument

/// Reads the `kind: Framework` documents among the policy files into control tables: each value
/// checked against the framework shape, one table per framework, each control id listed once.
struct FrameworkStage {
    /// The tables of the Framework documents in `documents`, in load order, and every problem met.
    func run(documents: [Document]) -> (tables: [ControlTable], problems: [Diagnostic]) {
        var tables: [ControlTable] = []
        var problems: [Diagnostic] = []
        var firstByFramework: [Control.Framework: Node] = [:]
        for document in documents where Self.isFramework(document.root) {
            let root = document.root
            let found = ShapeChecker.all(root, .object(PolicyShapes.framework), name: "framework")
            problems += found
            guard found.isEmpty, let idNode = root["id"], let framework = idNode.string.flatMap(Control.Framework.init(rawValue:)),
                  let title = root["title"]?.string, let version = root["version"]?.string, let scope = root["scope"]?.string,
                  let list = root["controls"] else { continue }
            if let first = firstByFramework[framework] {
                problems.append(IdentifierStage.duplicate("framework '\(framework.rawValue)' is listed twice; one table per framework", idNode, first: first))
                continue
            }
            firstByFramework[framework] = idNode
            var entries: [ControlTable.Entry] = []
            var firstByControl: [String: Node] = [:]
            for element in list.elements {
                guard let node = element["id"], let id = node.string, let controlTitle = element["title"]?.string else { continue }
                if let first = firstByControl[id] {
                    problems.append(IdentifierStage.duplicate("control '\(id)' is listed twice in the \(framework.rawValue) table", node, first: first))
                    continue
                }
                firstByControl[id] = node
                entries.append(ControlTable.Entry(id: id, title: controlTitle))
            }
            tables.append(ControlTable(framework: framework, title: title, version: version, description: root["description"]?.string,
                                       scope: scope, controls: entries, location: root.location))
        }
        return (tables, problems)
    }

    /// Whether a document is a Framework document.
    static func isFramework(_ root: Node) -> Bool {
        root.kind == .mapping && root["kind"]?.string == DocumentKind.framework.rawValue
    }
}
