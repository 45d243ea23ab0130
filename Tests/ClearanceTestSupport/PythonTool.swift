import Foundation

/// Runs Python helper scripts of the tests (schema validation); CI installs what they need.
public enum PythonTool {
    /// Whether `python3` can import a module.
    public static func hasModule(_ module: String) -> Bool {
        (try? run(["-c", "import \(module)"]).status) == 0
    }

    /// Whether the tests run in CI, where every tool must be present.
    public static var isCI: Bool { ExternalTool.isCI }

    /// Runs `python3` with arguments, returning its exit status and combined output.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try ExternalTool.run(["python3"] + arguments)
    }

    /// The path of a script in `Tests/Scripts`.
    public static func script(_ name: String) -> String {
        CommandRunner.packageRoot.appendingPathComponent("Tests/Scripts/\(name)").path
    }
}
