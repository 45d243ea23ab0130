import Foundation

/// Runs tools the tests lean on (`python3`, `xmllint`) through `env`; CI installs them, a laptop may not have them.
public enum ExternalTool {
    /// Whether the tests run in CI, where every tool must be present.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// Whether a program is on the `PATH`.
    public static func isInstalled(_ program: String) -> Bool {
        (try? run(["sh", "-c", "command -v \"$0\"", program]).status) == 0
    }

    /// Runs a program found on the `PATH`, returning its exit status and combined output.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
