import ClearanceDocument
import Testing
import ClearanceCore
import ClearanceTestSupport
@testable import ClearancePolicy

/// Policy load errors: each collected, sorted by location, rendered with the source line and caret.
@Suite("Policy loading")
struct PolicyLoaderTests {
    let directory = TemporaryDirectory()

    /// Loads one policy file and returns every error rendered, or "loaded" with counts.
    func load(_ text: String, name: String = "pack.yaml") -> String {
        let path = directory.write(name, text)
        do {
            let set = try PolicyLoader(symbols: SymbolTable()).load(paths: [path])
            return "loaded \(set.policies.count) policies, \(set.rules.count) rules"
        } catch {
            return error.rendered.replacingOccurrences(of: directory.path + "/", with: "")
        }
    }

    static let header = "kind: Policy\nid: demo\ntitle: Demo\ntarget: TeamMember\nrules:\n"

    @Test func misspeltKeyIsAnErrorWithASuggestion() {
        #expect(load(Self.header + "  - id: D-01\n    title: SSO\n    severity: high\n    requires: member.identity.sso\n") == """
            pack.yaml:6:5: rule has no `require`, which is required
              - id: D-01
                ^
            pack.yaml:9:5: unknown key `requires` in rule (did you mean `require`?)
                requires: member.identity.sso
                ^
            """)
    }

    @Test func wrongValuesAreNamed() {
        #expect(load(Self.header + "  - id: D-01\n    title: SSO\n    severity: hgih\n    require: true\n    controls: [SOC2-CC6.1]\n") == """
            pack.yaml:8:15: `severity` must be one of info, low, medium, high, critical; found 'hgih' (did you mean 'high'?)
                severity: hgih
                          ^
            pack.yaml:10:16: `controls[0]` must be a control such as SOC2:CC6.1, ISO27001:A.5.17 or NIST800-53:IA-2; found 'SOC2-CC6.1'
                controls: [SOC2-CC6.1]
                           ^
            """)
    }

    @Test func unknownTarget() {
        #expect(load("kind: Policy\nid: demo\ntitle: Demo\ntarget: TeamMembers\nrules: []\n") == """
            pack.yaml:4:9: `target` must be one of TeamMember, Vendor, AccessManifest, Repository, System, AIWorkflow, ServiceAccount, Account, Employment, ManagedDevice, Source; found 'TeamMembers' (did you mean 'TeamMember'?)
            target: TeamMembers
                    ^
            """)
    }

    @Test func duplicateRuleIDsAcrossFiles() {
        directory.write("a.yaml", Self.header + "  - {id: D-01, title: A, severity: low, require: 'true'}\n")
        directory.write("b.yaml", "kind: Policy\nid: other\ntitle: Other\ntarget: Vendor\nrules:\n  - {id: D-01, title: B, severity: low, require: 'true'}\n")
        do {
            _ = try PolicyLoader(symbols: SymbolTable()).load(paths: [directory.path])
            Issue.record("loaded")
        } catch {
            #expect(error.rendered.replacingOccurrences(of: directory.path + "/", with: "") == """
                b.yaml:6:10: rule id 'D-01' is used twice; rule ids are unique across all policies
                  - {id: D-01, title: B, severity: low, require: 'true'}
                         ^
                a.yaml:6:10: note: first used here
                  - {id: D-01, title: A, severity: low, require: 'true'}
                         ^
                """)
        }
    }

    @Test func forEachMustBeNameInExpression() {
        #expect(load(Self.header + "  - id: D-01\n    title: T\n    severity: low\n    for_each: member.devices\n    require: 'true'\n") == """
            pack.yaml:9:15: for_each must be `name in expression`, such as `device in member.devices`
                for_each: member.devices
                          ^
            """)
        #expect(load(Self.header + "  - id: D-01\n    title: T\n    severity: low\n    for_each: member in member.devices\n    require: 'true'\n") == """
            pack.yaml:9:15: for_each cannot name its element 'member': that name is already bound
                for_each: member in member.devices
                          ^
            """)
    }

    @Test func unclosedTemplate() {
        #expect(load(Self.header + "  - id: D-01\n    title: T\n    severity: low\n    require: 'true'\n    message: \"{{member.id is bad\"\n") == """
            pack.yaml:10:15: `{{` is never closed by `}}`
                message: "{{member.id is bad"
                          ^
            """)
    }

    @Test func nonPolicyDocumentInAPolicyFile() {
        #expect(load("kind: TeamMember\nid: ana\n") == """
            pack.yaml:1:7: a policy file holds Policy documents; this is a TeamMember (pass it as an input instead)
            kind: TeamMember
                  ^
            """)
    }

    @Test func goodPolicyLoads() {
        #expect(load(Self.header + "  - id: D-01\n    title: T\n    severity: low\n    when: member.status == 'active'\n    require: member.identity.sso\n    controls: [SOC2:CC6.1]\n")
                == "loaded 1 policies, 1 rules")
    }

    @Test func bytesLoadLikeAFile() throws {
        let text = Self.header + "  - id: D-01\n    title: T\n    severity: low\n    require: member.identity.sso\n"
        let set = try PolicyLoader(symbols: SymbolTable()).load(bytes: Array(text.utf8), name: "pack.yaml")
        #expect(set.rules.map(\.id) == ["D-01"])
        #expect(set.digests.map(\.path) == ["pack.yaml"])
    }

    @Test func bytesGiveTheSameErrorsAsAFile() {
        let text = Self.header + "  - id: D-01\n    title: SSO\n    severity: high\n    requires: member.identity.sso\n"
        do {
            _ = try PolicyLoader(symbols: SymbolTable()).load(bytes: Array(text.utf8), name: "pack.yaml")
            Issue.record("loaded")
        } catch {
            #expect(error.rendered == load(text))
        }
        #expect(throws: Diagnostics.self) { try PolicyLoader(symbols: SymbolTable()).load(bytes: [], name: "empty.yaml") }
    }
}
