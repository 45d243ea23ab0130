import Foundation

/// Runs Python helper scripts of the tests (schema validation); CI installs what they need.
public enum PythonTool {
    /// Whether `python3` can import a module.
    public static func hasModule(_ module: String) -> Bool {
        (try? run(["-c", "import \(module)"]).status) == 0
    }

    /// Whether the tests run in CI, where every tool must be present.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// Runs `python3` with arguments, returning its exit status and combined output.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The path of a script in `Tests/Scripts`.
    public static func script(_ name: String) -> String {
        CommandRunner.packageRoot.appendingPathComponent("Tests/Scripts/\(name)").path
    }
}
