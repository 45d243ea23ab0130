import ClearanceCore
import ClearancePacks
import ClearancePolicy
#if canImport(Glibc)
import Glibc
#endif

/// The rule of `--trusted-config`: the project file, policies and waivers that judge a tree never come from it.
enum TrustedConfiguration {
    /// Fails when the trusted project file, a policy path or a waiver file lies inside a checked path or holds one,
    /// or when the trusted file is the checked tree's own clearance.yaml (`ownFile`, the one found from the current folder).
    static func requireApart(_ configuration: ProjectConfiguration, file: String, ownFile: String?, checked: [String]) throws(Diagnostics) {
        let checkedPaths = checked.map { (name: $0, path: resolved($0)) }
        var problems: [Diagnostic] = []
        if let ownFile, resolved(file) == resolved(ownFile) {
            problems.append(Diagnostic(code: "config.untrusted",
                                       message: "--trusted-config names the checked tree's own \(ProjectConfiguration.fileName); give a copy kept apart from it, such as the base branch's",
                                       file: file))
        }
        let roles = [("the trusted project file", [file]), ("policy path", configuration.policies), ("waiver file", configuration.waivers)]
        for (role, paths) in roles {
            for path in paths where !BuiltinPacks.isReference(path) {  // built into the binary: never inside a checked tree
                let resolvedPath = resolved(path)
                guard let input = checkedPaths.first(where: { contains($0.path, resolvedPath) || contains(resolvedPath, $0.path) }) else { continue }
                let relation = contains(input.path, resolvedPath) ? "is inside" : "holds"
                problems.append(Diagnostic(code: "config.untrusted",
                                           message: "\(role) '\(path)' \(relation) the checked input '\(input.name)': under --trusted-config, what is checked cannot choose the policies and waivers that judge it",
                                           file: file))
            }
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
    }

    /// Whether `path` is `folder` or lies under it.
    static func contains(_ folder: String, _ path: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// The absolute path with links resolved; for a path that does not exist, the absolute path with `.` and `..` removed.
    static func resolved(_ path: String) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        var base = ""
        if !path.hasPrefix("/"), let current = getcwd(nil, 0) {
            base = String(cString: current)
            free(current)
        }
        var parts: [Substring] = []
        for part in (base + "/" + path).split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
