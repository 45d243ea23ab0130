/// The policy packs shipped with Clearance and the framework tables their controls are checked against, built into
/// the binary from `Policies/` (by the EmbedPacks build plugin), so a project names them with `policies: [builtin]`
/// instead of copying them.
///
/// A built-in pack is named `builtin:<file name>` (`builtin:access-reviews.yaml`) in findings, messages and reports,
/// and can be named so alone; a real folder called `builtin` is `./builtin`.
public enum BuiltinPacks {
    /// One shipped file: its path in `Policies/` and its text.
    public struct File: Sendable {
        /// The path in `Policies/`, such as `access-reviews.yaml` or `frameworks/soc2.yaml`.
        public let name: String
        /// The file's text, byte for byte.
        public let text: String

        /// The name it goes by in findings and messages: `builtin:access-reviews.yaml`.
        public var reference: String { BuiltinPacks.prefix + name }
    }

    /// The word that names every built-in pack.
    public static let all = "builtin"

    /// What a reference to one built-in file starts with.
    public static let prefix = "builtin:"

    /// The shipped packs and framework tables (`frameworks/...`), in name order: what `builtin` loads.
    public static var packs: [File] { embeddedPacks }

    /// The shipped packs' tests files (`<pack>.tests.yaml`), in name order.
    public static var testsFiles: [File] { embeddedTestsFiles }

    /// Whether a policy path names built-in packs (`builtin` or `builtin:<name>`) rather than a file or folder.
    public static func isReference(_ path: String) -> Bool {
        path == all || path.hasPrefix(prefix)
    }

    /// The built-in files a reference names: every pack and table for `builtin`, one for `builtin:<name>` (nil when
    /// none has that name). With `tests`, the tests files of the same packs.
    public static func files(_ reference: String, tests: Bool = false) -> [File]? {
        if reference == all { return tests ? testsFiles : packs }
        let name = String(reference.dropFirst(prefix.count))
        guard let pack = packs.first(where: { $0.name == name }) else { return nil }
        guard tests else { return [pack] }
        let stem = name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
        return testsFiles.filter { $0.name == stem + ".tests.yaml" }
    }
}
