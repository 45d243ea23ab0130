import Hummingbird

/// Measures every answer for ``ServerMetrics``: the route's template (as the router matched it), the method, the status
/// and the time from the request to the answer.
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        metrics.record(route: context.endpointPath ?? "NotFound", method: request.method.rawValue, status: response.status.code,
                       duration: ContinuousClock.now - start)
        return response
    }
}
