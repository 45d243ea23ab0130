import Hummingbird

/// The server's routes as path templates and methods, to answer 405 with `Allow` for a known path and another method.
struct RouteTable: Sendable {
    /// Each route's path, split at `/`, a `{name}` part matching any one segment, and the methods it answers.
    private var routes: [(parts: [Substring], methods: [HTTPRequest.Method])] = []

    /// Adds a route.
    mutating func add(_ path: String, _ method: HTTPRequest.Method) {
        let parts = path.split(separator: "/")
        if let index = routes.firstIndex(where: { $0.parts == parts }) { routes[index].methods.append(method) } else { routes.append((parts, [method])) }
    }

    /// The methods a path is served with, none when no route matches it.
    func methods(at path: String) -> [HTTPRequest.Method] {
        let parts = path.split(separator: "/")
        return routes.first { route in
            route.parts.count == parts.count && zip(route.parts, parts).allSatisfy { template, part in template.hasPrefix("{") || template == part }
        }?.methods ?? []
    }
}
