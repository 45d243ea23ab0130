import Foundation
import Testing
import ClearanceTestSupport

/// A device manager's export read as a source: its devices linked to the members who declare their serials, judged by
/// OBS-12..14, and the ones no member declares listed with the line that links them.
struct DeviceSourceTests {
    /// A project with two members (one declares her laptop's serial, one declares a device without one) and a Jamf export:
    /// her laptop, unencrypted; a laptop nobody declares, silent for seven weeks.
    static func project() -> TemporaryDirectory {
        let folder = TemporaryDirectory()
        folder.write("team/dana.yaml", """
            kind: TeamMember
            id: dana.kim
            name: Dana Kim
            email: dana@example.com
            status: active
            devices:
              - id: LAP-1
                serial: C02DANA001
            """)
        folder.write("team/lee.yaml", """
            kind: TeamMember
            id: lee.park
            name: Lee Park
            email: lee@example.com
            status: active
            devices:
              - id: LAP-2
            """)
        folder.write("exports/jamf.json", """
            {"totalCount": 2, "results": [
              {"general": {"name": "MBP-dana", "lastContactTime": "2026-11-19T05:40:00Z", "remoteManagement": {"managed": true}},
               "hardware": {"serialNumber": "C02DANA001"}, "operatingSystem": {"fileVault2Status": "NOT_ENCRYPTED"},
               "userAndLocation": {"email": "someone.else@example.com"}},
              {"general": {"name": "MBP-spare", "lastContactTime": "2026-10-01T05:40:00Z", "remoteManagement": {"managed": true}},
               "hardware": {"serialNumber": "C02SPARE02"}, "operatingSystem": {"fileVault2Status": "ALL_ENCRYPTED"}}
            ]}
            """)
        folder.write("clearance.yaml", """
            policies: [builtin]
            inputs: [team]
            sources:
              - format: jamf-computers
                file: exports/jamf.json
                generated_at: 2026-11-19T06:00:00Z
            """)
        return folder
    }

    @Test func devicesAreLinkedBySerialAndJudged() throws {
        let folder = Self.project()
        let result = try CommandRunner.run(["check", "--as-of", "2026-11-20", "--format", "json"], in: URL(fileURLWithPath: folder.path))
        #expect(result.status == 1, "\(result.standardError)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let failing = (report["findings"] as? [[String: Any]] ?? []).filter { $0["status"] as? String == "fail" && ($0["rule"] as? String ?? "").hasPrefix("OBS-1") }
            .map { finding in
                let location = finding["location"] as? [String: Any] ?? [:]
                return "\(finding["rule"] ?? "") \(finding["subject"] ?? "") \(location["file"] ?? ""):\(location["line"] ?? ""):\(location["column"] ?? "") \(finding["message"] ?? "")"
            }
        #expect(failing == [
            // linked by the serial Dana declares, although Jamf assigns it to another email; located at its FileVault status
            "OBS-12 jamf:C02DANA001 exports/jamf.json:3:88 jamf:C02DANA001 (MBP-dana) of dana.kim is not encrypted in the jamf export of 2026-11-19T06:00:00Z",
            "OBS-13 jamf:C02SPARE02 exports/jamf.json:5:56 jamf:C02SPARE02 (MBP-spare) last checked in 2026-10-01T05:40:00Z, 49 days ago; limit 14 days",
            "OBS-14 lee.park team/lee.yaml:7:5 device LAP-2 of lee.park records no serial, so no device manager export can show it",
        ])
    }

    @Test func theListingShowsHowToLinkADeviceNobodyDeclares() throws {
        let folder = Self.project()
        let result = try CommandRunner.run(["sources"], in: URL(fileURLWithPath: folder.path))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("2 records: 1 linked, 1 unlinked, 0 ambiguous\n"))
        #expect(result.standardOutput.contains("""
            exports/jamf.json:5:3  unlinked  jamf:C02SPARE02 · MBP-spare
                add to the device entry of the TeamMember who uses it:
                  serial: C02SPARE02

            """))
    }

    /// A person's checklist lists the devices the device manager links to them, by serial or by email, each with its state,
    /// OS version, last check-in and record; what the export says is escaped in the text and in the HTML report.
    @Test func aPersonsChecklistListsTheDevicesObservedForThem() throws {
        let folder = Self.project()
        folder.write("exports/jamf.json", """
            {"totalCount": 2, "results": [
              {"general": {"name": "MBP-dana", "lastContactTime": "2026-11-19T05:40:00Z", "remoteManagement": {"managed": true}},
               "hardware": {"serialNumber": "C02DANA001"}, "operatingSystem": {"version": "15.6.1", "fileVault2Status": "NOT_ENCRYPTED"},
               "userAndLocation": {"email": "someone.else@example.com"}},
              {"general": {"name": "<b>spare</b>\\u001b[31m", "remoteManagement": {"managed": false}},
               "hardware": {"serialNumber": "C02SPARE02"}, "operatingSystem": {"fileVault2Status": "ALL_ENCRYPTED"},
               "userAndLocation": {"email": "DANA@example.com"}}
            ]}
            """)
        let checklist = try CommandRunner.run(["checklist", "dana.kim", "--as-of", "2026-11-20"], in: URL(fileURLWithPath: folder.path))
        #expect(checklist.status == 1, "\(checklist.standardError)")
        let lines = checklist.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heading = try #require(lines.firstIndex(of: "Devices observed in the sources"))
        #expect(Array(lines[heading...].prefix(7)) == [
            "Devices observed in the sources",
            "  jamf",
            // linked by email (in any case), no longer managed, never checked in; its name escaped
            "    <b>spare</b>\\u{1B}[31m (C02SPARE02) not managed · encrypted · compliance unknown · last check-in none recorded",
            "      exports/jamf.json:5:3",
            // linked by the serial Dana declares
            "    MBP-dana (C02DANA001) managed · not encrypted · compliance unknown · OS 15.6.1 · last check-in 2026-11-19T05:40:00Z",
            "      exports/jamf.json:2:3",
            "",
        ])
        // Lee declares a device but the export links none to him: his checklist lists no devices.
        let lee = try CommandRunner.run(["checklist", "lee.park", "--as-of", "2026-11-20"], in: URL(fileURLWithPath: folder.path))
        #expect(lee.status != 2, "\(lee.standardError)")
        #expect(!lee.standardOutput.contains("Devices observed"))

        let html = try CommandRunner.run(["check", "--as-of", "2026-11-20", "--format", "html"], in: URL(fileURLWithPath: folder.path))
        #expect(html.status == 1)
        #expect(html.standardOutput.contains("<summary>Full checklist · 45 rules · 2 devices observed · <code>team/dana.yaml</code></summary>"))
        #expect(html.standardOutput.contains("""
                          <tr><td>jamf</td><td><code>&lt;b&gt;spare&lt;/b&gt;\u{FFFD}[31m (C02SPARE02)</code></td><td>not managed · encrypted · compliance unknown</td>\
            <td>not reported</td><td>none recorded</td><td><code>exports/jamf.json:5:3</code></td></tr>
                          <tr><td>jamf</td><td><code>MBP-dana (C02DANA001)</code></td><td>managed · not encrypted · compliance unknown</td>\
            <td>15.6.1</td><td>2026-11-19T05:40:00Z</td><td><code>exports/jamf.json:2:3</code></td></tr>
            """))
        #expect(html.standardOutput.components(separatedBy: "<h5>Devices observed in the sources</h5>").count == 2)  // Dana's card only
    }
}
