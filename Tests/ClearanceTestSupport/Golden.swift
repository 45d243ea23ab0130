import Foundation
import Testing

/// Golden files: expected outputs checked into a test target's `Golden` folder (`Tests/ClearanceCLITests/Golden` by
/// default), reviewed by reading them.
///
/// Set `RECORD_GOLDEN=1` to rewrite them from the current output, then review the diff.
public enum Golden {
    /// The folder of golden files.
    public static let folder = folder(of: "ClearanceCLITests")

    /// The folder of golden files of a test target, such as `ClearanceReportingTests`.
    public static func folder(of testTarget: String) -> URL {
        CommandRunner.packageRoot.appendingPathComponent("Tests/\(testTarget)/Golden")
    }

    /// Compares `actual` with the golden file `name` in `folder`, or records it when `RECORD_GOLDEN` is set.
    public static func expect(_ actual: String, matches name: String, in folder: URL = folder, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name); run with RECORD_GOLDEN=1 and review it", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(actualLines.count, expectedLines.count)
            let got = first < actualLines.count ? String(actualLines[first]) : "<end>"
            let want = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
            Issue.record("\(name) differs at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)\n(RECORD_GOLDEN=1 rewrites it)",
                         sourceLocation: sourceLocation)
        }
    }
}
