import Hummingbird

/// Requires `Authorization: Bearer TOKEN` with a token whose hash is among ``AccessTokens``; the token itself is never logged or kept.
struct BearerAuthentication: RouterMiddleware {
    typealias Context = ServerContext

    let tokens: AccessTokens

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { throw Problem.unauthorized("no Authorization header; send `Authorization: Bearer TOKEN`") }
        let scheme = header.prefix { $0 != " " }
        guard scheme.lowercased() == "bearer" else { throw Problem.unauthorized("the Authorization header is not a bearer token") }
        let token = header.dropFirst(scheme.count).drop { $0 == " " }
        guard let caller = tokens.caller(token: String(token)) else { throw Problem.unauthorized("the bearer token is not accepted") }
        var context = context
        context.caller = caller
        return try await next(request, context)
    }
}
