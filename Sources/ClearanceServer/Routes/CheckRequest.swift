import ClearanceCore
import ClearanceDocument
import ClearanceEngine
import ClearancePolicy
import Foundation

/// The documents of a `POST /v1/check` body: one JSON object or an array of them, each a document of a declared kind
/// (a candidate's TeamMember, a changed AccessManifest) checked against its shape exactly as an input file's are.
struct CheckRequest {
    /// The name the body's documents are located in: findings and errors say `request.json:LINE:COLUMN`.
    static let bodyName = "request.json"

    let documents: [InputDocument]

    /// Reads and checks the body against the snapshot's kinds; keys the snapshot does not know are not added to its symbols.
    init(body: [UInt8], snapshot: ServerSnapshot) throws(Problem) {
        let policies = snapshot.engine.policies
        let loaded: [Document]
        do throws(Diagnostic) {
            loaded = try YAMLLoader(symbols: policies.symbols, keys: .lookUpOnly).load(bytes: body, name: Self.bodyName, allowEmpty: false)
        } catch {
            throw Problem.badRequest("the body is not valid JSON: \(error.message)", errors: [error])
        }
        // YAML reads more than JSON (`kind: TeamMember`, unquoted keys): the body must be JSON itself.
        do {
            _ = try JSONSerialization.jsonObject(with: Data(body), options: [])
        } catch {
            let problem = Self.syntaxError(error, in: body)
            throw Problem.badRequest(problem.description, errors: [problem])
        }
        guard loaded.count == 1 else { throw Problem.badRequest("the body is not one JSON value") }
        let root = loaded[0].root
        let roots = root.kind == .sequence ? root.elements : [root]
        guard !roots.isEmpty else { throw Problem.badRequest("the body is an empty array: send at least one document") }
        var problems: [Diagnostic] = []
        for document in roots {
            guard let kindNode = document["kind"], let kind = kindNode.string else { continue }  // the checker names what is missing
            if kind == DocumentKind.waiver.rawValue {
                problems.append(Diagnostic(code: "input.waiver-in-request", message: "a Waiver cannot be checked: waivers apply from the loaded organisation",
                                           location: kindNode.location))
            } else if policies.kinds.descriptor(DocumentKind(kind))?.isObserved == true {
                problems.append(Diagnostic(code: "input.observed-kind", message: "a \(kind) cannot be checked: \(kind) documents are read only from the vendors' exports named under `sources`",
                                           location: kindNode.location))
            }
        }
        guard problems.isEmpty else { throw Problem.badRequest(Self.summary(problems), errors: problems) }
        do throws(Diagnostics) {
            documents = try snapshot.shapeCheck.check(roots).documents
        } catch {
            throw Problem.badRequest(Self.summary(error.items), errors: error.items)
        }
    }

    /// Foundation's JSON syntax error at its place in the body: it says `Invalid value around character 30.`, a byte offset.
    static func syntaxError(_ error: any Error, in body: [UInt8]) -> Diagnostic {
        let said = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "its syntax is not valid"
        let offset = said.range(of: "character ").flatMap { Int(said[$0.upperBound...].prefix { $0.isNumber }) }.map { min(max(0, $0), body.count) } ?? 0
        let before = body[..<offset]
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let column = offset - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
        return Diagnostic(code: "input.json", message: "the body is not JSON: " + VisibleText.message(said),
                          location: SourceLocation(file: bodyName, line: line, column: column, offset: offset))
    }

    /// The first problem's place and message, and how many more there are.
    static func summary(_ problems: [Diagnostic]) -> String {
        guard let first = problems.first else { return "the documents are not valid" }
        let more = problems.count > 1 ? " (and \(problems.count - 1) more problem\(problems.count == 2 ? "" : "s"))" : ""
        return first.description + more
    }
}
