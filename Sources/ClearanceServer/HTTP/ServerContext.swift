import Hummingbird

/// What the server knows about a request besides the request itself: who is calling, once the token is checked.
public struct ServerContext: RequestContext {
    /// Hummingbird's own state of the request.
    public var coreContext: CoreRequestContextStorage
    /// The id of the caller's token, set by ``BearerAuthentication``; `nil` for an open route or without `--tokens`.
    public var caller: String?

    /// A context for a new request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
