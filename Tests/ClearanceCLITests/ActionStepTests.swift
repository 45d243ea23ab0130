import Foundation
import Testing
import ClearanceTestSupport

/// The GitHub Action's own steps, run as a runner would run them: libyaml installed without sudo when root, the
/// build keyed by a hash of the action's sources, the cached static binary run; and Scripts/install.sh.
@Suite("GitHub Action steps")
struct ActionStepTests {
    static let action = (try? String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("action.yml"), encoding: .utf8)) ?? ""

    /// The script of the step named `name`: its `run: |` block, unindented.
    static func script(_ name: String) -> String {
        let lines = action.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "    - name: \(name)"),
              let run = lines[start...].firstIndex(of: "      run: |") else { return "" }
        return lines[(run + 1)...].prefix { $0.hasPrefix("        ") || $0.isEmpty }.map { String($0.dropFirst(8)) }.joined(separator: "\n") + "\n"
    }

    /// Runs `script` with GitHub's `bash -e -o pipefail` and only `tools` (fake programs) on the PATH.
    static func run(_ script: String, tools: [String: String], environment: [String: String] = [:]) throws -> (status: Int32, output: String, log: String) {
        let folder = TemporaryDirectory()
        let log = folder.path + "/calls.log"
        FileManager.default.createFile(atPath: log, contents: Data())
        try FileManager.default.createDirectory(atPath: folder.path + "/bin", withIntermediateDirectories: true)
        for (name, body) in tools {
            let path = folder.write("bin/\(name)", "#!/bin/bash\n" + body.replacingOccurrences(of: "LOG", with: log) + "\n")
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        for name in ["env", "cat", "find", "sort", "xargs", "sha256sum", "cut"] where tools[name] == nil {
            try FileManager.default.createSymbolicLink(atPath: folder.path + "/bin/" + name, withDestinationPath: "/usr/bin/" + name)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["--noprofile", "--norc", "-e", "-o", "pipefail", "-c", script]
        process.environment = ["PATH": folder.path + "/bin"].merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }

    static let aptGet = #"echo "apt-get $* (DEBIAN_FRONTEND=$DEBIAN_FRONTEND)" >> LOG"#
    static let noLibYAML = ["pkg-config": "exit 1", "apt-get": aptGet]

    @Test func asRootLibYAMLIsInstalledWithoutSudo() throws {
        let result = try Self.run(Self.script("Install libyaml"), tools: Self.noLibYAML.merging(["id": "echo 0"]) { $1 })
        #expect(result.status == 0, "\(result.output)")
        #expect(result.log == """
            apt-get update -qq (DEBIAN_FRONTEND=)
            apt-get install -y -qq libyaml-dev libsqlite3-dev pkg-config (DEBIAN_FRONTEND=noninteractive)

            """)
    }

    @Test func notAsRootLibYAMLIsInstalledWithSudo() throws {
        let tools = Self.noLibYAML.merging(["id": "echo 1001", "sudo": #"echo "sudo" >> LOG; exec "$@""#]) { $1 }
        let result = try Self.run(Self.script("Install libyaml"), tools: tools)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.log == """
            sudo
            apt-get update -qq (DEBIAN_FRONTEND=)
            sudo
            apt-get install -y -qq libyaml-dev libsqlite3-dev pkg-config (DEBIAN_FRONTEND=noninteractive)

            """)
    }

    @Test func neitherRootNorSudoIsAClearError() throws {
        let result = try Self.run(Self.script("Install libyaml"), tools: Self.noLibYAML.merging(["id": "echo 1001"]) { $1 })
        #expect(result.status == 1)
        #expect(result.output == "::error::libyaml or SQLite is missing, and this runner is neither root nor has sudo to install libyaml-dev and libsqlite3-dev\n")
        #expect(result.log == "")
    }

    @Test func withLibYAMLNothingIsInstalled() throws {
        let result = try Self.run(Self.script("Install libyaml"), tools: ["pkg-config": "exit 0", "apt-get": Self.aptGet, "id": "echo 0"])
        #expect(result.status == 0)
        #expect(result.log == "")
    }

    @Test func theBuildIsKeyedByAHashOfTheActionsSources() throws {
        let copy = TemporaryDirectory()
        for item in ["Package.swift", "Scripts", "Sources", "Plugins", "Policies"] {
            try FileManager.default.copyItem(atPath: CommandRunner.packageRoot.path + "/" + item, toPath: copy.path + "/" + item)
        }
        let script = Self.script("Key the build by its sources")
        func hash() throws -> String {
            let output = copy.path + "/output"
            FileManager.default.createFile(atPath: output, contents: Data())
            let result = try Self.run(script, tools: [:], environment: ["GITHUB_ACTION_PATH": copy.path, "GITHUB_OUTPUT": output])
            #expect(result.status == 0, "\(result.output)")
            return try String(contentsOfFile: output, encoding: .utf8)
        }
        let first = try hash()
        #expect(first.wholeMatch(of: /hash=[0-9a-f]{64}\n/) != nil, "\(first)")
        #expect(try hash() == first)
        let vendors = try String(contentsOfFile: copy.path + "/Policies/vendors.yaml", encoding: .utf8)
        copy.write("Policies/vendors.yaml", vendors + "# edited\n")
        let edited = try hash()
        #expect(edited != first)
        copy.write("Sources/ClearanceCore/New.swift", "// new\n")
        #expect(try hash() != edited)
        // The cache restores the folder the build step installs into, and the check runs the binary from there.
        #expect(Self.action.contains("      uses: actions/cache@v4\n      with:\n        # Under the home folder, which the cache action and the steps see alike in a container job.\n        path: ~/.cache/clearance-action\n        key: clearance-${{ runner.os }}-${{ runner.arch }}-${{ steps.sources.outputs.hash }}\n"))
        #expect(Self.action.contains(#"run: '"$GITHUB_ACTION_PATH/Scripts/install.sh" "$HOME/.cache/clearance-action"'"#))
        #expect(Self.action.contains(#"        "$HOME/.cache/clearance-action/bin/clearance" "${arguments[@]}" "${paths[@]}""#))
    }

    @Test func sarifGoesUpWithTheCurrentMajorOfTheUploadAction() {
        #expect(Self.action.contains("uses: github/codeql-action/upload-sarif@v4\n"))
        #expect(!Self.action.contains("upload-sarif@v3"))
        #expect(!Self.action.contains("sudo apt-get"))
    }

    @Test func theInstallScriptParsesAndNeedsAPrefix() throws {
        let script = CommandRunner.packageRoot.path + "/Scripts/install.sh"
        let syntax = try ExternalTool.run(["bash", "-n", script])
        #expect(syntax.status == 0, "\(syntax.output)")
        let usage = try ExternalTool.run(["bash", script])
        #expect(usage.status == 2)
        #expect(usage.output == "usage: \(script) PREFIX   (installs PREFIX/bin/clearance)\n")
    }
}
