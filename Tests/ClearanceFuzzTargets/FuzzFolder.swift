import Foundation

/// A temporary folder of its own holding one input's files, so a target reads them from disk as `clearance` does,
/// from any number of threads at once.
struct FuzzFolder {
    /// The folder's path.
    let path: String

    /// A new folder under the temporary directory with `files` in it, or nil when it cannot be made.
    init?(files: [(name: String, bytes: [UInt8])]) {
        var template = Array((NSTemporaryDirectory() + "/clearance-fuzz-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else { return nil }  // safe: a non-empty array
        path = String(cString: made)
        for (name, bytes) in files {
            guard FileManager.default.createFile(atPath: path + "/" + name, contents: Data(bytes)) else {
                remove()
                return nil
            }
        }
    }

    /// Deletes the folder and its files.
    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// `text` with the folder's path left out of every file name, so outcomes compare across folders.
    func relative(_ text: String) -> String { text.replacingOccurrences(of: path + "/", with: "") }
}
