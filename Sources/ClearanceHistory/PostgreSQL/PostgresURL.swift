/// A `postgres://user:password@host:port/database?sslmode=…` URL, as `history:` and `--history` give it.
public struct PostgresURL: Sendable, Equatable {
    /// The server's host name or address.
    public var host: String
    /// Its port (default 5432).
    public var port: Int
    /// The user (default `postgres`).
    public var user: String
    /// The password, if any.
    public var password: String?
    /// The database (default: the user's name).
    public var database: String
    /// TLS: `disable`, `prefer` (the default) or `require`.
    public var sslMode: String

    /// Whether `text` names a PostgreSQL database rather than a file.
    public static func isURL(_ text: String) -> Bool { text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") }

    /// Reads a URL; nil with the reason when it is not one this Clearance can use.
    public static func parse(_ text: String) -> Result<PostgresURL, URLProblem> {
        guard let schemeEnd = text.range(of: "://"), isURL(text) else { return .failure(URLProblem("it must start with postgres://")) }
        var rest = Substring(text[schemeEnd.upperBound...])
        var query = Substring("")
        if let mark = rest.firstIndex(of: "?") { (rest, query) = (rest[..<mark], rest[rest.index(after: mark)...]) }
        var path = Substring("")
        if let slash = rest.firstIndex(of: "/") { (rest, path) = (rest[..<slash], rest[rest.index(after: slash)...]) }
        var user = "postgres", password: String?
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                user = decoded(credentials[..<colon]) ?? ""
                password = decoded(credentials[credentials.index(after: colon)...])
            } else {
                user = decoded(credentials) ?? ""
            }
        }
        var host = String(rest), port = 5432
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {  // [::1]:5432
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":") { guard let number = Int(after.dropFirst()) else { return .failure(URLProblem("its port is not a number")) }; port = number }
            host = String(host[host.index(after: host.startIndex)..<close])
        } else if let colon = host.lastIndex(of: ":") {
            guard let number = Int(host[host.index(after: colon)...]) else { return .failure(URLProblem("its port is not a number")) }
            port = number
            host = String(host[..<colon])
        }
        guard !host.isEmpty else { return .failure(URLProblem("it names no host")) }
        guard (1...65_535).contains(port) else { return .failure(URLProblem("its port must be from 1 to 65535")) }
        guard !user.isEmpty else { return .failure(URLProblem("its user name is empty")) }
        var sslMode = "prefer"
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0] == "sslmode" else { return .failure(URLProblem("only the parameter sslmode is read; found '\(parts[0])'")) }
            guard ["disable", "prefer", "require"].contains(parts[1]) else {
                return .failure(URLProblem("sslmode must be disable, prefer or require; found '\(parts[1])'"))
            }
            sslMode = String(parts[1])
        }
        let database = decoded(path) ?? ""
        return .success(PostgresURL(host: host, port: port, user: user, password: password, database: database.isEmpty ? user : database, sslMode: sslMode))
    }

    /// The URL as messages show it: the password replaced by `***`.
    public var shown: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(user)\(password == nil ? "" : ":***")@\(hostPart):\(port)/\(database)" + (sslMode == "prefer" ? "" : "?sslmode=\(sslMode)")
    }

    /// Percent-decoding; nil when an escape is malformed or the bytes are not UTF-8.
    static func decoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%") {
                let first = utf8.index(after: index)
                guard first < utf8.endIndex, utf8.index(after: first) < utf8.endIndex,
                      let value = UInt8(String(decoding: [utf8[first], utf8[utf8.index(after: first)]], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
                index = utf8.index(first, offsetBy: 2)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

/// Why a PostgreSQL URL cannot be used.
public struct URLProblem: Error, Sendable, Equatable {
    /// The reason, completing "the PostgreSQL URL is not usable: …".
    public var reason: String
    /// Creates a problem.
    public init(_ reason: String) { self.reason = reason }
}
