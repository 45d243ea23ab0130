import ClearanceCore
import Hummingbird

/// An answer that is an error, as an RFC 9457 problem document (`application/problem+json`): a type URI naming the kind of
/// problem, a title, the status, a detail about this occurrence, and members of its own (`errors` with each place and message).
public struct Problem: Error, Sendable {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// The problem's kind, the last part of its type URI: `bad-request`, `unknown-person`.
    public let kind: String
    /// A short summary of the kind of problem, the same for every occurrence.
    public let title: String
    /// What went wrong this time.
    public let detail: String
    /// More members of the problem document (escaped when written, as every JSON string is).
    public var extra: [(String, JSONText)] = []
    /// Headers the answer carries besides the content type (`Allow` for a 405, `WWW-Authenticate` for a 401).
    public var headers: HTTPFields = [:]

    /// The URN every problem type starts with (`urn:clearance:problem:bad-request`); the kinds are listed in docs/server.md.
    public static let typeBase = "urn:clearance:problem:"

    /// A problem of a kind, with its status, title and detail.
    public init(_ status: HTTPResponse.Status, kind: String, title: String, detail: String) {
        self.status = status
        self.kind = kind
        self.title = title
        self.detail = detail
    }

    /// The problem document.
    public var json: JSONText {
        .object([("type", .string(Self.typeBase + kind)), ("title", .string(title)), ("status", .int(Int64(status.code))),
                 ("detail", .string(detail))] + extra)
    }

    /// The answer.
    public var response: Response {
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: json.compact + "\n")))
    }

    /// Diagnostics as a problem's `errors`: each message, and its line and column in the request body when it has one.
    static func errors(_ diagnostics: [Diagnostic]) -> JSONText {
        .array(diagnostics.map { diagnostic in
            var members: [(String, JSONText)] = [("code", .string(diagnostic.code)), ("message", .string(diagnostic.message))]
            if let location = diagnostic.location {
                members += [("line", .int(Int64(location.line))), ("column", .int(Int64(location.column)))]
            }
            return .object(members)
        })
    }
}

extension Problem {
    /// 400: the body is not JSON, or a document in it fails its shape.
    static func badRequest(_ detail: String, errors: [Diagnostic] = []) -> Problem {
        var problem = Problem(.badRequest, kind: "bad-request", title: "The request is not valid", detail: detail)
        if !errors.isEmpty { problem.extra.append(("errors", Problem.errors(errors))) }
        return problem
    }

    /// 401: no bearer token, or one the server does not accept.
    static func unauthorized(_ detail: String) -> Problem {
        var problem = Problem(.unauthorized, kind: "unauthorized", title: "A valid bearer token is required", detail: detail)
        problem.headers[.wwwAuthenticate] = "Bearer realm=\"clearance\""
        return problem
    }

    /// 404: no route at the path.
    static func unknownRoute(_ path: String) -> Problem {
        Problem(.notFound, kind: "not-found", title: "No such route", detail: "no route at \(VisibleText.escaped(path)); the routes are listed in /openapi.yaml")
    }

    /// 405: the route exists, not with this method.
    static func methodNotAllowed(_ method: HTTPRequest.Method, allowed: [HTTPRequest.Method]) -> Problem {
        let names = allowed.map(\.rawValue).joined(separator: ", ")
        var problem = Problem(.methodNotAllowed, kind: "method-not-allowed", title: "Method not allowed",
                              detail: "\(VisibleText.escaped(method.rawValue)) is not allowed here; allowed: \(names)")
        problem.headers[.allow] = names
        return problem
    }

    /// 413: the body is over the limit.
    static func tooLarge(limit: Int) -> Problem {
        Problem(.contentTooLarge, kind: "too-large", title: "The request body is too large", detail: "the body is over the limit of \(limit) bytes (--max-body)")
    }

    /// 503: no snapshot is loaded yet.
    static var notReady: Problem {
        Problem(.serviceUnavailable, kind: "not-ready", title: "No snapshot is loaded yet", detail: "the organisation is still being loaded; try again shortly")
    }
}
