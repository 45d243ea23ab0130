import Hummingbird

/// Measures every answer for ``ServerMetrics``: the route's template (as the router matched it), the method, the status
/// and the time from the request to the answer.
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        metrics.record(route: context.endpointPath ?? "NotFound", method: Self.methodLabel(request.method), status: response.status.code,
                       duration: ContinuousClock.now - start)
        return response
    }

    /// The method as a metric label: one of HTTP's registered methods, `other` for any other, so a client inventing
    /// methods cannot make a new series per request.
    static func methodLabel(_ method: HTTPRequest.Method) -> String {
        switch method {
        case .get, .head, .post, .put, .delete, .connect, .options, .trace, .patch: method.rawValue
        default: "other"
        }
    }
}
