import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

extension ClearanceCommand {
    /// Runs the command line and exits; a usage error exits 2 (not argument-parser's 64).
    public static func runAndExit(_ arguments: [String]? = nil) -> Never {
        let code: Int32
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            code = 0
        } catch {
            code = exitCode(for: error).rawValue
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == 0 { print(message) } else { Terminal.standardError.write(message + "\n") }
            }
        }
        Terminal.standardOutput.flush()
        Glibc.exit(code == ExitCode.validationFailure.rawValue ? ExitStatus.untrusted.rawValue : code)
    }
}
