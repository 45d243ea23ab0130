import Foundation

/// A fresh directory for one test's files, removed when the value goes away.
public final class TemporaryDirectory: Sendable {
    /// The directory's path.
    public let path: String

    /// Creates an empty directory.
    public init() {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("clearance-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes bytes to a file in the directory (creating its folders) and returns its path.
    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) -> String {
        let file = path + "/" + name
        let folder = (file as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }

    /// Writes UTF-8 text to a file in the directory and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }
}
