import ArgumentParser
import ClearanceCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

extension ClearanceCommand {
    /// Runs the command line and exits; a usage error exits 2 (not argument-parser's 64).
    public static func runAndExit(_ arguments: [String]? = nil) -> Never {
        AllocatorSettings.returnFreedMemory()
        var code: Int32
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            code = 0
        } catch {
            code = exitCode(for: error).rawValue
            // Each line with its control characters escaped: an argument holding ESC or a newline never reaches the terminal raw.
            let message = fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
                .map { VisibleText.escaped(String($0)) }.joined(separator: "\n")
            if !message.isEmpty {
                if code == 0 { print(message) } else { Terminal.standardError.write(message + "\n") }
            }
        }
        nonisolated(unsafe) let output = stdout
        if fflush(output) != 0 || ferror(output) != 0, code != ExitStatus.untrusted.rawValue {
            // What `print` wrote never arrived (a full disk, a closed pipe): the run's result is not trustworthy.
            Terminal.standardError.write("clearance: cannot write to standard output: \(String(cString: strerror(errno)))\n")
            code = ExitStatus.untrusted.rawValue
        }
        Terminal.standardOutput.flush()
        Glibc.exit(code == ExitCode.validationFailure.rawValue ? ExitStatus.untrusted.rawValue : code)
    }
}
