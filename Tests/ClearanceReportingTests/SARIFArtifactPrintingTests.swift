import ClearancePolicy
import Foundation
import Testing
@testable import ClearanceReporting

/// A SARIF run lists every file it read; the artifacts are printed without the encoder, exactly as it prints them.
struct SARIFArtifactPrintingTests {
    /// What the log's encoder prints for the artifacts.
    private static func encoded(_ artifacts: [SARIFArtifact]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(artifacts), as: UTF8.self)
    }

    @Test func printedArtifactsAreWhatTheEncoderPrints() throws {
        let paths: [(String, FileDigest.Role)] = [
            ("/srv/org/policies/onboarding.yaml", .policy), ("team/ana.yaml", .input), ("vendors.yaml", .context),
            ("team/José \"Pepe\" Núñez\\.yaml", .input), ("team/tab\there%20.yaml", .input), ("/", .context),
        ]
        let artifacts = paths.enumerated().map { index, entry in
            SARIFArtifact(FileDigest(path: entry.0, role: entry.1, bytes: Array(repeating: UInt8(index), count: index * 1_000)))
        }
        for count in 1...artifacts.count {
            let printed = try #require(SARIFArtifact.printed(Array(artifacts.prefix(count))))
            #expect(printed == (try Self.encoded(Array(artifacts.prefix(count)))))
        }
        #expect(SARIFArtifact.printed([]) == nil)
    }

    @Test func aPathIsPercentEncodedByteByByteExceptItsUnreservedCharacters() {
        #expect(SARIFArtifactLocation.percentEncoded("team/ana-b_c.d~e.yaml") == "team/ana-b_c.d~e.yaml")
        #expect(SARIFArtifactLocation.percentEncoded("team/José \"x\" 100%.yaml") == "team/Jos%C3%A9%20%22x%22%20100%25.yaml")
        #expect(SARIFArtifactLocation.percentEncoded("a\tb\u{7F}\\") == "a%09b%7F%5C")
        #expect(SARIFArtifactLocation.percentEncoded("") == "")
    }

    @Test func anArtifactWithPropertiesOrTextToEscapeIsLeftToTheEncoder() {
        var withProperties = SARIFArtifact(FileDigest(path: "exports/okta.json", role: .source, bytes: []))
        withProperties.properties = .init(format: "okta-users", system: "okta", scope: nil, generatedAt: "2026-11-20T00:00:00Z",
                                          records: 3, links: ["linked": 3])
        let plain = SARIFArtifact(FileDigest(path: "team/ana.yaml", role: .input, bytes: []))
        #expect(SARIFArtifact.printed([plain, withProperties]) == nil)
        var quoted = plain
        quoted.hashes = ["sha-256": "a\"b"]
        #expect(SARIFArtifact.printed([quoted]) == nil)
        #expect(SARIFArtifact.printed([plain]) != nil)
    }
}
