import ClearanceCore
import ClearanceEngine
import ClearancePolicy
import ClearanceReporting
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
#if canImport(Glibc)
import Glibc
#endif

/// `clearance serve`: the routes over a ``SnapshotStore``, each answer read from one snapshot (docs/server.md, openapi.yaml).
public struct ServerApplication: Sendable {
    /// How the server answers.
    public struct Options: Sendable {
        /// The largest request body accepted, in bytes (`--max-body`); a larger one is a 413.
        public var maximumBody = 1 << 20
        /// The accepted bearer tokens; `nil` serves without authentication (`--no-auth`, on loopback only).
        public var tokens: AccessTokens?
        /// Where each decision is recorded, if anywhere (`--decision-log`).
        public var decisionLog: DecisionLog?
        /// The severity at or above which a check's fail fails it (`fail_on`, `--fail-on`).
        public var failOn: Severity = .low
        /// What the HTML pages say about the run (the tool's version, the command line, `fail_on`).
        public var reportContext = ReportContext(toolVersion: "")
        /// The time a request is evaluated at; the current time to the second unless a test fixes it.
        public var clock: @Sendable () -> Timestamp = ServerApplication.currentTime
        /// How often the files the snapshot was read from are compared, to reload when one changes; `nil` does not watch (`--no-watch`).
        public var watchInterval: Duration? = .seconds(1)

        /// The defaults: 1 MiB bodies, no tokens, no decision log, failing at `low`.
        public init() {}
    }

    /// The snapshot the routes answer from.
    public let store: SnapshotStore
    /// How they answer.
    public let options: Options
    /// The requests' counts and latencies, the snapshot's age and the reload failures, as `/metrics` shows them.
    public let metrics = ServerMetrics()

    /// A server over `store`.
    public init(store: SnapshotStore, options: Options) {
        self.store = store
        self.options = options
    }

    /// The routes, for an ``Application`` or an in-process test.
    public func router() -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        router.add(middleware: ProblemMiddleware(routes: Self.routes, maximumBody: options.maximumBody))
        router.get("/health") { _, _ in Self.json(.object([("status", .string("ok"))])) }
        router.get("/ready") { _, _ in
            guard let snapshot = store.current else { throw Problem.notReady }
            return Self.json(.object([("status", .string("ready")), ("revision", .string(snapshot.revision))]))
        }
        let protected = router.group()
        if let tokens = options.tokens { protected.add(middleware: BearerAuthentication(tokens: tokens)) }
        protected.get("/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml"], body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIContract.bytes)))
        }
        protected.get("/v1/people/:id/clearance") { request, context in try clearance(request, context) }
        protected.post("/v1/check") { request, context in try await check(request, context) }
        protected.get("/v1/findings") { request, _ in
            let snapshot = try ready()
            return Self.json(try FindingsQuery(request.uri.queryParameters).page(of: snapshot))
        }
        protected.get("/") { _, _ in Self.html(try ready().reportPage) }
        protected.get("/people/:id") { _, context in try personPage(context) }
        protected.get("/v1/status") { _, _ in Self.json(StatusAnswer(store: store).json) }
        protected.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: metrics.exposition(store, now: Self.currentTime()))))
        }
        return router
    }

    /// Every route's path template and method, as openapi.yaml lists them.
    static let routes: RouteTable = {
        var table = RouteTable()
        let routes: [(String, HTTPRequest.Method)] = [
            ("/health", .get), ("/ready", .get), ("/openapi.yaml", .get), ("/", .get), ("/people/{id}", .get), ("/v1/people/{id}/clearance", .get),
            ("/v1/check", .post), ("/v1/findings", .get), ("/v1/status", .get), ("/metrics", .get),
        ]
        for (path, method) in routes {
            table.add(path, method)
        }
        return table
    }()

    /// An application serving the routes on `host`:`port`, reloading the snapshot on SIGHUP and when a file it was read from
    /// changes (unless ``Options/watchInterval`` is `nil`), shutting down gracefully on SIGTERM and SIGINT (requests in flight
    /// are answered first).
    public func application(host: String, port: Int, logger: Logger = Self.logger) -> some ApplicationProtocol {
        var services: [any Service] = [ReloadOnHangup(store: store, logger: logger)]
        if let interval = options.watchInterval { services.append(ReloadOnChange(store: store, logger: logger, interval: interval)) }
        return Application(router: router(), server: httpServer(), configuration: .init(address: .hostname(host, port: port), serverName: Self.serverName),
                           services: services, logger: logger)
    }

    /// HTTP/1.1 with kept clearance answers given on the connection's own thread (``KeptAnswerHandler``).
    public func httpServer() -> HTTPServerBuilder {
        .http1(configuration: .init(additionalChannelHandlers: [KeptAnswerHandler(server: self)]))
    }

    /// The server's name in the `Server` header.
    public static let serverName = "clearance"

    /// Serves on `host`:`port` until SIGTERM or SIGINT, then returns once the requests in flight are answered.
    public func run(host: String, port: Int) async throws {
        try await application(host: host, port: port).runService()
    }

    /// The server's log: what it does at info level, never a request's headers (so never a token).
    public static var logger: Logger {
        var logger = Logger(label: "clearance")
        logger.logLevel = .info
        return logger
    }

    // MARK: Routes

    private func ready() throws(Problem) -> ServerSnapshot {
        guard let snapshot = store.current else { throw Problem.notReady }
        return snapshot
    }

    private func clearance(_ request: Request, _ context: ServerContext) throws -> Response {
        let route = Self.clearanceRoute
        let snapshot = try ready()
        let id = Self.id(context)
        guard let person = snapshot.member(id) else {
            decide(route, subject: id, result: "unknown-person", snapshot, caller: context.caller)
            throw Self.unknownPerson(id, snapshot)
        }
        let time = options.clock()
        let answer: AnswerCache.Entry
        do {
            answer = try snapshot.answers.answer(person, in: snapshot, at: time)
        } catch {
            decide(route, subject: id, result: error.kind, snapshot, caller: context.caller)
            throw error
        }
        decide(route, subject: id, result: answer.state, snapshot, caller: context.caller)
        let (head, body) = Self.clearanceAnswer(answer, ifNoneMatch: request.headers[.ifNoneMatch])
        return Response(status: head.status, headers: head.headerFields, body: body.map { .init(byteBuffer: $0) } ?? .init())
    }

    /// The route `GET /v1/people/{id}/clearance` as the decision log names it.
    static let clearanceRoute = "GET /v1/people/{id}/clearance"

    /// A kept clearance answer as sent: 304 without a body when `If-None-Match` names its `ETag` (or is `*`), else 200 with it.
    static func clearanceAnswer(_ answer: AnswerCache.Entry, ifNoneMatch: String?) -> (head: HTTPResponse, body: ByteBuffer?) {
        let tag = answer.entityTag
        let matches = ifNoneMatch?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        if matches.contains(tag) || matches.contains("*") {
            return (HTTPResponse(status: .notModified, headerFields: [.eTag: tag, .contentLength: "0"]), nil)
        }
        let headers: HTTPFields = [.contentType: "application/json", .eTag: tag, .contentLength: String(answer.body.readableBytes)]
        return (HTTPResponse(status: .ok, headerFields: headers), answer.body)
    }

    /// The answer to a request for `GET /v1/people/{id}/clearance` when it can be given at once, as the router would give it
    /// (the same decision-log line and metrics): the snapshot is loaded, the caller's token is accepted and the person's
    /// answer is kept. `nil` for any other request, and for these when evaluating or a problem is needed: the router answers those.
    func keptClearance(_ request: HTTPRequest) -> (head: HTTPResponse, body: ByteBuffer?)? {
        guard request.method == .get, let path = request.path, let id = Self.clearanceID(path: path), let snapshot = store.current else { return nil }
        let start = ContinuousClock.now
        var caller: String?
        if let tokens = options.tokens {
            guard let accepted = try? BearerAuthentication.caller(authorization: request.headerFields[.authorization], tokens: tokens) else { return nil }
            caller = accepted
        }
        guard let answer = snapshot.answers.kept(id, at: options.clock()) else { return nil }
        decide(Self.clearanceRoute, subject: id, result: answer.state, snapshot, caller: caller)
        let response = Self.clearanceAnswer(answer, ifNoneMatch: request.headerFields[.ifNoneMatch])
        metrics.record(route: "/v1/people/{id}/clearance", method: MetricsMiddleware.methodLabel(request.method), status: response.head.status.code, duration: ContinuousClock.now - start)
        return response
    }

    /// The id in a path `/v1/people/{id}/clearance` (a query after it aside), `nil` for another path or an id with a
    /// percent-escape, which the router decodes.
    static func clearanceID(path: String) -> String? {
        let prefix = "/v1/people/", suffix = "/clearance"
        let route = path.utf8.firstIndex(of: UInt8(ascii: "?")).map { path[..<$0] } ?? path[...]
        guard route.hasPrefix(prefix), route.hasSuffix(suffix), route.utf8.count > prefix.utf8.count + suffix.utf8.count else { return nil }
        let id = route.dropFirst(prefix.count).dropLast(suffix.count)
        guard !id.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "%") }) else { return nil }
        return String(id)
    }

    /// A person's checklist page: the HTML report of their evaluation now, rendered by the audit report's templates.
    private func personPage(_ context: ServerContext) throws -> Response {
        let snapshot = try ready()
        let id = Self.id(context)
        guard let person = snapshot.member(id) else { throw Self.unknownPerson(id, snapshot) }
        return Self.html(HTMLReporter().render(snapshot.engine.evaluate([person], at: options.clock()), context: options.reportContext))
    }

    private func check(_ request: Request, _ context: ServerContext) async throws -> Response {
        let route = "POST /v1/check"
        let snapshot = try ready()
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > options.maximumBody { throw Problem.tooLarge(limit: options.maximumBody) }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: options.maximumBody)
        } catch is NIOTooManyBytesError {
            throw Problem.tooLarge(limit: options.maximumBody)
        }
        let documents: [InputDocument]
        do {
            documents = try CheckRequest(body: Array(buffer: body), snapshot: snapshot).documents
        } catch {
            decide(route, subject: "", result: error.kind, snapshot, caller: context.caller)
            throw error
        }
        let subject = documents.map { "\($0.kind.rawValue) \($0.id)" }.joined(separator: ", ")
        let report = snapshot.engine.evaluate(documents, at: options.clock(), keepsPasses: false)
        do {
            try ClearanceAnswer.requireWithinBudget(report.findings)
        } catch {
            decide(route, subject: subject, result: error.kind, snapshot, caller: context.caller)
            throw error
        }
        guard report.documentsChecked > 0 else {
            decide(route, subject: subject, result: "nothing-checked", snapshot, caller: context.caller)
            throw Problem(.unprocessableContent, kind: "nothing-checked", title: "No loaded policy checks these documents",
                          detail: "no loaded policy checks a \(Set(documents.map(\.kind.rawValue)).sorted().joined(separator: " or ")); nothing was checked")
        }
        let failing = report.hasFailing(at: options.failOn)
        decide(route, subject: subject, result: failing ? "fail" : "pass", snapshot, caller: context.caller)
        return Self.json(.object([
            ("result", .string(failing ? "fail" : "pass")), ("failOn", .string(options.failOn.rawValue)),
            ("documents", .array(documents.map { .object([("kind", .string($0.kind.rawValue)), ("id", .string($0.id))]) })),
            ("summary", .object(FindingStatus.allCases.map { ($0.rawValue, .int(Int64(report.summary[$0] ?? 0))) })),
            ("findings", .array(report.findings.filter(\.needsAttention).map { JSONReporter.finding($0, baseline: nil) })),
            ("revision", .string(snapshot.revision)), ("evaluatedAt", .string(report.asOf.rfc3339)),
        ]))
    }

    /// The `id` of the path, its percent-escapes decoded (the router leaves them as they are).
    private static func id(_ context: ServerContext) -> String {
        let raw = context.parameters.get("id") ?? ""
        return raw.utf8.contains(UInt8(ascii: "%")) ? raw.removingPercentEncoding ?? raw : raw
    }

    /// 404: no TeamMember with the id.
    private static func unknownPerson(_ id: String, _ snapshot: ServerSnapshot) -> Problem {
        Problem(.notFound, kind: "unknown-person", title: "No such person", detail: "no TeamMember with id \(VisibleText.value(id)) in snapshot \(snapshot.revision)")
    }

    /// Records a decision in the decision log, if there is one.
    private func decide(_ route: String, subject: String, result: String, _ snapshot: ServerSnapshot, caller: String?) {
        options.decisionLog?.record(.init(route: route, subject: subject, result: result, revision: snapshot.revision, caller: caller))
    }

    /// A JSON answer.
    static func json(_ value: JSONText, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: value.compact + "\n")))
    }

    /// An HTML page.
    static func html(_ page: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    /// The current time, to the second.
    @Sendable public static func currentTime() -> Timestamp {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Timestamp(seconds: Int64(now.tv_sec)) ?? Timestamp(seconds: 0)!  // safe: the epoch is in range
    }
}
