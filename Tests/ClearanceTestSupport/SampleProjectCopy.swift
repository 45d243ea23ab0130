import Foundation

/// A copy of the shipped project (clearance.yaml, Policies/, Fixtures/) in a temporary folder,
/// for tests that change one thing in it and assert what `clearance` then says.
public final class SampleProjectCopy: Sendable {
    /// The folder holding the copy; commands run here, with the paths a user would type.
    public let directory = TemporaryDirectory()

    /// The copy's path.
    public var path: String { directory.path }

    /// Copies the project; `files` are its top-level entries to copy.
    public init(files: [String] = ["clearance.yaml", "Policies", "Fixtures"]) {
        for name in files {
            try? FileManager.default.copyItem(atPath: CommandRunner.packageRoot.path + "/" + name, toPath: path + "/" + name)
        }
    }

    /// The text of a file of the copy.
    public func read(_ file: String) -> String {
        (try? String(contentsOfFile: path + "/" + file, encoding: .utf8)) ?? ""
    }

    /// Replaces the first `old` in a file with `new`; returns false (and changes nothing) when `old` is not there.
    @discardableResult
    public func replace(_ old: String, with new: String, in file: String) -> Bool {
        let text = read(file)
        guard let range = text.range(of: old) else { return false }
        directory.write(file, text.replacingCharacters(in: range, with: new))
        return true
    }

    /// Removes the `settings:` block (the last entry) of the copy's clearance.yaml, for a project that loads other packs.
    @discardableResult
    public func removeSettings() -> Bool {
        let text = read("clearance.yaml")
        guard let range = text.range(of: "\nsettings:\n") else { return false }
        directory.write("clearance.yaml", String(text[..<range.lowerBound]) + "\n")
        return true
    }

    /// Removes the `sources:` block of the copy's clearance.yaml and the exports it names (`Fixtures/exports/`), for the
    /// team files alone.
    @discardableResult
    public func removeSources() -> Bool {
        let text = read("clearance.yaml")
        guard let start = text.range(of: "\nsources:\n"),
              let end = text.range(of: "\n# The packs' params", range: start.upperBound..<text.endIndex) else { return false }
        directory.write("clearance.yaml", String(text[..<start.lowerBound]) + String(text[end.lowerBound...]))
        return (try? FileManager.default.removeItem(atPath: path + "/Fixtures/exports")) != nil
    }

    /// Writes a file of the copy, creating its folders.
    public func write(_ file: String, _ text: String) { directory.write(file, text) }

    /// Appends text to a file of the copy.
    public func append(_ text: String, to file: String) { directory.write(file, read(file) + text) }

    /// Runs `clearance` in the copy.
    public func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandRunner.Result {
        try CommandRunner.run(arguments, in: URL(fileURLWithPath: path), environment: environment)
    }
}
