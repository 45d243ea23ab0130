import ClearanceTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built `clearance serve` running in a folder on a free loopback port, its standard error kept; stopped with SIGTERM
/// when the test lets go of it.
final class ServeProcess {
    let process = Process()
    let port: Int
    private let errors = Pipe()

    /// Starts `clearance serve --listen 127.0.0.1:PORT` with `arguments` in `folder`.
    init(in folder: String, _ arguments: [String]) throws {
        port = try HTTPProbe.freePort()
        process.executableURL = CommandRunner.executable
        process.arguments = ["serve", "--listen", "127.0.0.1:\(port)"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    deinit { stop() }

    /// Whether `/ready` answers 200 within 30 seconds.
    func ready() async throws -> Bool {
        try await HTTPProbe.waitFor(port: port, path: "/ready") { $0.hasPrefix("HTTP/1.1 200") }
    }

    /// The answer to `GET path`.
    func get(_ path: String) throws -> String { try HTTPProbe.get(port: port, path: path) }

    /// Sends SIGTERM and waits for the exit; returns the exit status and everything written to standard error.
    @discardableResult
    func stop() -> (status: Int32, log: String) {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        process.waitUntilExit()
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, log)
    }

    /// The body of an HTTP answer.
    static func body(_ answer: String) -> String {
        guard let end = answer.range(of: "\r\n\r\n") else { return "" }
        return String(answer[end.upperBound...])
    }
}
