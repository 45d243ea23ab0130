import Hummingbird

/// Turns every error into a problem document: a ``Problem`` as it is, Hummingbird's own errors (an unknown route, a body over
/// the limit) into theirs, an unknown route whose path another method serves into 405, and anything else into a 500 that
/// says nothing of its cause.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    /// The routes, to tell an unknown path from a known path with another method.
    let routes: RouteTable
    /// The body limit, for the 413's detail.
    let maximumBody: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return problem.response
        } catch let error as HTTPError {
            switch error.status {
            case .notFound:
                let allowed = routes.methods(at: request.uri.path)
                if !allowed.isEmpty, !allowed.contains(request.method) { return Problem.methodNotAllowed(request.method, allowed: allowed).response }
                return Problem.unknownRoute(request.uri.path).response
            case .contentTooLarge:
                return Problem.tooLarge(limit: maximumBody).response
            default:
                return Problem(error.status, kind: "http", title: error.status.reasonPhrase, detail: error.status.reasonPhrase).response
            }
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(type(of: error))"])
            return Problem(.internalServerError, kind: "internal", title: "Internal error", detail: "the server could not answer; see its log").response
        }
    }
}
