import ClearanceTestSupport
import Foundation

/// Headless Chromium (Debian's `chromium`), for the tests that open the live pages as a browser does: the page loaded, its
/// scripts run, and the document it ends with.
enum HeadlessChromium {
    /// The browser's program on the `PATH`, if one is installed.
    static let program: String? = ["chromium", "chromium-browser", "google-chrome"].first(where: ExternalTool.isInstalled)

    /// Whether the browser tests run: where Chromium is installed, and always under CI (where its absence is a failure).
    /// Elsewhere a missing browser is reported once on standard error.
    static let shouldRun: Bool = {
        if program != nil || ExternalTool.isCI { return true }
        FileHandle.standardError.write(Data("note: headless Chromium tests skipped: chromium was not found (apt-get install chromium)\n".utf8))
        return false
    }()

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The DOM of the page at `url` once it has loaded and its scripts have run, as HTML.
    static func dom(of url: String) throws -> String {
        guard let program else { throw Failure(description: "chromium was not found on the PATH (apt-get install chromium)") }
        let profile = TemporaryDirectory()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // As root (CI), Chromium runs only without its sandbox; the profile is a folder of the test's own.
        process.arguments = ["timeout", "120", program, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(profile.path)", "--virtual-time-budget=5000", "--dump-dom", url]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "\(program) --dump-dom \(url) exited \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }
}
