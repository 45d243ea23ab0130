import ClearanceTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built `clearance serve` as a user runs it: refusing to start without tokens off loopback, reloading on SIGHUP,
/// and on SIGTERM answering the request in flight before exiting 0.
struct ServeProcessTests {
    @Test func withoutTokensTheServerRefusesToStartUnlessNoAuthOnLoopback() throws {
        let project = ServerTestProject()
        project.directory.write("clearance.yaml", "policies: [policies]\ninputs: [team]\n")
        let folder = URL(fileURLWithPath: project.directory.path)
        let none = try CommandRunner.run(["serve"], in: folder)
        #expect(none.status == 2)
        #expect(none.standardError.contains("serving needs bearer tokens: give --tokens FILE (SHA-256 hashes, one per line), or --no-auth on a loopback address"))
        let open = try CommandRunner.run(["serve", "--no-auth", "--listen", "0.0.0.0:8080"], in: folder)
        #expect(open.status == 2)
        #expect(open.standardError.contains("--no-auth serves only on a loopback address (127.0.0.1, ::1, localhost); 0.0.0.0 is not one: give --tokens FILE"))
    }

    @Test func aProjectThatDoesNotLoadAtStartIsExitTwoWithItsDiagnostic() throws {
        let project = ServerTestProject()
        project.directory.write("clearance.yaml", "policies: [policies]\ninputs: [team]\n")
        project.write("ben.ortiz", "kind: TeamMember\nid: ben.ortiz\nname: Ben\nstatus: hired\n")
        let port = try HTTPProbe.freePort()
        let result = try CommandRunner.run(["serve", "--no-auth", "--listen", "127.0.0.1:\(port)"], in: URL(fileURLWithPath: project.directory.path))
        #expect(result.status == 2)
        #expect(result.standardError.contains("team/ben.ortiz.yaml:4:9: "))
        #expect(result.standardError.contains("1 error; nothing was checked."))
    }

    @Test(.timeLimit(.minutes(1))) func sighupReloadsAndSigtermAnswersTheRequestInFlightThenExitsZero() async throws {
        let project = ServerTestProject()
        project.directory.write("clearance.yaml", "policies: [policies]\ninputs: [team]\n")
        let port = try HTTPProbe.freePort()
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["serve", "--no-auth", "--listen", "127.0.0.1:\(port)", "--as-of", "2026-11-19"]
        process.currentDirectoryURL = URL(fileURLWithPath: project.directory.path)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        #expect(try await HTTPProbe.waitFor(port: port, path: "/ready") { $0.hasPrefix("HTTP/1.1 200") })
        #expect(try HTTPProbe.get(port: port, path: "/v1/people/ben.ortiz/clearance").contains("\"state\":\"blocked\""))

        project.write("ben.ortiz", ServerTestProject.member("ben.ortiz"))
        kill(process.processIdentifier, SIGHUP)
        #expect(try await HTTPProbe.waitFor(port: port, path: "/v1/people/ben.ortiz/clearance") { $0.contains("\"state\":\"cleared\"") })

        // A check whose body is half sent when SIGTERM arrives is still answered.
        let document = Array(#"{"kind": "TeamMember", "id": "new.hire", "name": "New", "status": "candidate", "security_owner": "ana.lopez"}"#.utf8)
        let connection = try HTTPProbe.connect(port: port)
        defer { close(connection) }
        try HTTPProbe.send(connection, Array("POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: \(document.count)\r\n\r\n".utf8) + document.prefix(20))
        try await Task.sleep(for: .milliseconds(300))
        kill(process.processIdentifier, SIGTERM)
        try await Task.sleep(for: .milliseconds(300))
        try HTTPProbe.send(connection, Array(document.dropFirst(20)))
        let answer = HTTPProbe.receive(connection)
        #expect(answer.hasPrefix("HTTP/1.1 200"))
        #expect(answer.contains("\"documents\":[{\"kind\":\"TeamMember\",\"id\":\"new.hire\"}]"))
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("snapshot "))
    }
}

/// A few HTTP/1.1 requests over a plain socket to a server on loopback.
enum HTTPProbe {
    struct Failure: Error { let message: String }

    /// A port nothing listens on now.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw Failure(message: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A connection to 127.0.0.1:`port`.
    static func connect(port: Int) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else {
            close(socket)
            throw Failure(message: "cannot connect to port \(port)")
        }
        return socket
    }

    static func send(_ socket: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(message: "send failed") }
            sent += count
        }
    }

    /// Everything the server sends until it closes the connection (each request asks it to).
    static func receive(_ socket: Int32) -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[..<count]
            // One answer is enough: stop at the end of its body.
            if let text = String(bytes: received, encoding: .utf8), let end = text.range(of: "\r\n\r\n"),
               let length = text[..<end.lowerBound].split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") })
                .flatMap({ Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }),
               text.utf8.count - text.utf8.distance(from: text.utf8.startIndex, to: end.upperBound) >= length {
                break
            }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// The answer to `GET path`.
    static func get(port: Int, path: String) throws -> String {
        let socket = try connect(port: port)
        defer { close(socket) }
        try send(socket, Array("GET \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".utf8))
        return receive(socket)
    }

    /// Whether `GET path` gives an answer that `accepts` within 30 seconds.
    static func waitFor(port: Int, path: String, _ accepts: (String) -> Bool) async throws -> Bool {
        for _ in 0..<300 {
            if let answer = try? get(port: port, path: path), accepts(answer) { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
