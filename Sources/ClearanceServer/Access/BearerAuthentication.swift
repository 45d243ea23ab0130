import Hummingbird

/// Requires `Authorization: Bearer TOKEN` with a token whose hash is among ``AccessTokens``; the token itself is never logged or kept.
struct BearerAuthentication: RouterMiddleware {
    typealias Context = ServerContext

    let tokens: AccessTokens

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.caller = try Self.caller(authorization: request.headers[.authorization], tokens: tokens)
        return try await next(request, context)
    }

    /// The id of the caller whose bearer token an `Authorization` header carries; a 401 problem saying what is wrong when
    /// there is no header, it is not a bearer token, or the token is not accepted.
    static func caller(authorization header: String?, tokens: AccessTokens) throws(Problem) -> String {
        guard let header else { throw Problem.unauthorized("no Authorization header; send `Authorization: Bearer TOKEN`") }
        let scheme = header.prefix { $0 != " " }
        guard scheme.lowercased() == "bearer" else { throw Problem.unauthorized("the Authorization header is not a bearer token") }
        let token = header.dropFirst(scheme.count).drop { $0 == " " }
        guard let caller = tokens.caller(token: String(token)) else { throw Problem.unauthorized("the bearer token is not accepted") }
        return caller
    }
}
