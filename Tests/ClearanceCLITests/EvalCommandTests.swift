import Foundation
import Testing

/// `clearance eval` as a policy author runs it: the printed value, or a rendered error and exit 2.
@Suite struct EvalCommandTests {
    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    private func clearance(_ arguments: [String]) throws -> Run {
        let products = Bundle.main.bundleURL.deletingLastPathComponent()
        var executable = products.appendingPathComponent("clearance")
        if !FileManager.default.fileExists(atPath: executable.path) {
            executable = Bundle.main.bundleURL.appendingPathComponent("clearance")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), error: String(decoding: err, as: UTF8.self))
    }

    @Test func printsTheValue() throws {
        let run = try clearance(["eval", "1 + 2"])
        #expect(run.status == 0)
        #expect(run.output == "3\n")
        let list = try clearance(["eval", "[1, 2u, 'a', b'x', 1.5, duration('90m')].map(x, type(x))"])
        #expect(list.output == "[int, uint, string, bytes, double, google.protobuf.Duration]\n")
    }

    @Test func readsInputAndVariables() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("eval-\(UUID().uuidString).yaml")
        try "id: ana.lopez\ndevices:\n  - {id: LAP-1, managed: true}\n  - {id: LAP-2, managed: false}\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try clearance(["eval", "doc.devices.filter(d, !d.managed).map(d, d.id) + [prefix + doc.id]",
                                 "--input", file.path, "--var", "prefix=user-"])
        #expect(run.error == "")
        #expect(run.output == "[\"LAP-2\", \"user-ana.lopez\"]\n")
    }

    @Test func compileErrorsExitTwo() throws {
        let run = try clearance(["eval", "size('abc', 2)"])
        #expect(run.status == 2)
        #expect(run.output == "")
        #expect(run.error == "expression:1:1: function 'size' takes 1 argument, not 2\nsize('abc', 2)\n^\n")
    }

    @Test func runtimeErrorsExitTwo() throws {
        let run = try clearance(["eval", "{'a': 1}['b'] + 1"])
        #expect(run.status == 2)
        #expect(run.error == "expression:1:9: no such key: b\n{'a': 1}['b'] + 1\n        ^\n")
    }
}
