import Foundation
import ClearanceTestSupport

/// A small project whose file name, rule title, remediation, message and waiver carry every character a report
/// format must escape: `%`, `:`, `,`, CR LF, `|`, HTML, `&`, Markdown punctuation and control characters.
struct HostileProject {
    let directory = TemporaryDirectory()

    /// The member's name, which the failing finding's message repeats: as YAML decodes it.
    static let name = "50% off: a,b\r\nline2 | <script>alert(1)</script> & `tick` *star* _u_ [x](javascript:alert(1)) $x$ \u{01}\u{0B} end"
    /// The file holding the member, named with `,`, `:` and `%`.
    static let memberFile = "team/a,b:c%.yaml"

    init() {
        for folder in ["policies", "team"] {
            try? FileManager.default.createDirectory(atPath: directory.path + "/" + folder, withIntermediateDirectories: true)
        }
        directory.write("policies/hostile.yaml", """
            kind: Policy
            id: hostile
            title: Hostile values
            target: TeamMember
            rules:
              - id: H-01
                title: "Names: 100% safe, <b>bold</b> | `code`"
                severity: high
                require: member.identity.sso
                message: "{{member.name}}"
                controls: [SOC2:CC6.1]
                remediation: "Fix it & retry: a|b <script>x</script>"
              - id: H-02
                title: Titles are set
                severity: low
                require: has(member.title)
                message: "{{member.id}} has no title"

            """)
        directory.write(Self.memberFile, """
            kind: TeamMember
            id: eve
            name: "50% off: a,b\\r\\nline2 | <script>alert(1)</script> & `tick` *star* _u_ [x](javascript:alert(1)) $x$ \\x01\\x0B end"
            status: active
            identity: {sso: false}

            """)
        directory.write("waivers.yaml", """
            kind: Waiver
            id: W-1
            rule: H-02
            subject: eve
            justification: "ok & <fine> \\"quoted\\"\\nnext: 100%"
            approved_by: marta.ruiz
            expires: 2026-12-31

            """)
        directory.write("approvers/marta.ruiz.yaml", "kind: TeamMember\nid: marta.ruiz\nname: Marta\nstatus: active\nroles: [security-owner]\n")
    }

    /// `clearance check` of the project in one format, to standard output.
    func check(format: String, options: [String] = []) throws -> CommandRunner.Result {
        try CommandRunner.run(["check", "--policies", "policies", "--waivers", "waivers.yaml", "--context", "approvers", "--as-of", "2026-11-20", "--format", format]
                                  + options + ["team"],
                              in: URL(fileURLWithPath: directory.path))
    }
}
