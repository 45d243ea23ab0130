import ClearanceDocument
import Testing
import ClearanceCore
import ClearanceTestSupport
@testable import ClearancePolicy

/// `clearance lint` warnings: rules that load but can never fail, never apply, or compare a field
/// with a value its schema never allows; waivers that cover everyone or run for years.
@Suite("Policy lint")
struct PolicyLintTests {
    let directory = TemporaryDirectory()

    /// The warnings about one rule of a TeamMember policy, rendered without the folder.
    func warnings(_ rule: String) throws -> String {
        let path = directory.write("pack.yaml", "kind: Policy\nid: demo\ntitle: Demo\ntarget: TeamMember\nparams:\n  enabled: {type: boolean, default: true, description: Whether the demo is on.}\nrules:\n"
                                   + "  - id: D-01\n    title: Demo\n    severity: high\n" + rule)
        let set = try PolicyLoader(symbols: SymbolTable()).load(paths: [path])
        return set.warnings.map { $0.rendered.replacingOccurrences(of: directory.path + "/", with: "") }.joined(separator: "\n")
    }

    @Test func misspeltStatusInWhenMeansTheRuleNeverApplies() throws {
        #expect(try warnings("    when: member.status == 'actve' && member.contract != null\n    require: member.contract.signed != null\n") == """
            pack.yaml:11:11: warning: `member.status` is never 'actve': it is one of 'candidate', 'onboarding', 'active', 'offboarding', \
            'offboarded' (did you mean 'active'?); so `when` can never be true and rule D-01 never applies
                when: member.status == 'actve' && member.contract != null
                      ^
            """)
    }

    @Test func requireThatIsAlwaysTrueCannotFail() throws {
        #expect(try warnings("    require: params.enabled || member.status == 'active'\n") == """
            pack.yaml:11:14: warning: `require` is always true: rule D-01 can never fail
                require: params.enabled || member.status == 'active'
                         ^
            """)
        #expect(try warnings("    require: member.status != 3\n").hasPrefix("""
            pack.yaml:11:14: warning: `member.status` is never 3: it is one of candidate, onboarding, active, offboarding, offboarded, \
            never an integer; so `require` can never fail
            """))
    }

    @Test func whenThatIsAlwaysFalseNeverApplies() throws {
        #expect(try warnings("    when: 1 > 2\n    require: member.identity.sso == true\n") == """
            pack.yaml:11:11: warning: `when` is always false: rule D-01 never applies
                when: 1 > 2
                      ^
            """)
    }

    @Test func elementsOfListsAndMapsAreCheckedThroughLoopsAndIndexes() throws {
        let found = try warnings("""
                for_each: grant in member.access
                when: grant.environment in ['prod', 'production']
                require: "grant.credential != 'sso-key' && member.access.all(g, g.environment != 'dev') && members[member.id].status == 'activ'"

            """)
        #expect(found.split(separator: "\n").filter { $0.contains("warning:") } == [
            "pack.yaml:12:11: warning: `grant.environment` is never 'prod': it is one of 'production', 'staging', 'development', 'corporate'",
            "pack.yaml:13:15: warning: `grant.credential` is never 'sso-key': it is one of 'sso', 'short-lived', 'static-key', 'password'; so the comparison is always true",
            "pack.yaml:13:69: warning: `g.environment` is never 'dev': it is one of 'production', 'staging', 'development', 'corporate'; so the comparison is always true",
            "pack.yaml:13:96: warning: `members[…].status` is never 'activ': it is one of 'candidate', 'onboarding', 'active', 'offboarding', 'offboarded' (did you mean 'active'?); so `require` can never hold and rule D-01 fails everywhere it applies",
        ])
    }

    @Test func listMembershipAndPresenceOfRequiredFields() throws {
        #expect(try warnings("    require: has(member.id) && 'yubikey' in member.identity.mfa\n").split(separator: "\n").filter { $0.contains("warning:") } == [
            "pack.yaml:11:14: warning: `has(member.id)` is always true: every TeamMember has `id`",
            "pack.yaml:11:32: warning: 'yubikey' is never an element of `member.identity.mfa`: it is one of 'sms', 'totp', 'push', 'webauthn'; "
                + "so `require` can never hold and rule D-01 fails everywhere it applies",
        ])
    }

    @Test func comparisonsWithAllowedValuesAndNullableFieldsAreQuiet() throws {
        #expect(try warnings("""
                when: member.status in ['onboarding', 'active'] && member.identity != null
                require: "'webauthn' in member.identity.mfa && member.engagement.vendor != null && has(member.title)"

            """) == "")
        #expect(try warnings("    require: member.id == null\n").contains("`member.id` is never null"))
    }

    @Test func shippedPoliciesLintClean() throws {
        let set = try PolicyLoader(symbols: SymbolTable()).load(paths: [CommandRunner.packageRoot.appendingPathComponent("Policies").path])
        #expect(set.warnings.map(\.description) == [])
    }
}
