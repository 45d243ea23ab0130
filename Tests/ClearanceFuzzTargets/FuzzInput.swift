import Foundation

/// A saved fuzz input: a regression file, named by its file name.
public struct FuzzInput: Sendable, CustomStringConvertible {
    /// The file name.
    public let name: String
    /// The bytes the fuzzer ran.
    public let bytes: [UInt8]

    /// The file name, as test results show it.
    public var description: String { name }

    /// Every file in `folder`, sorted by name (none when the folder is missing).
    public static func all(in folder: URL?) -> [FuzzInput] {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
            return FuzzInput(name: name, bytes: [UInt8](data))
        }
    }
}
