import ClearanceCore
import ClearanceDocument
import ClearancePolicy
import ClearanceTestSupport
import Testing

/// `sources:` in `clearance.yaml`: each entry read with the keys its format takes, every mistake an error at its place.
struct SourceDeclarationTests {
    private func load(_ text: String) -> Result<ProjectConfiguration, Diagnostics> {
        let folder = TemporaryDirectory()
        let path = folder.write("clearance.yaml", text)
        do { return .success(try ProjectConfiguration.load(path: path)) } catch { return .failure(error) }
    }

    private func problems(_ text: String) -> [String] {
        guard case .failure(let found) = load(text) else { return [] }
        return found.items.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.message)" }
    }

    @Test func anEntryIsReadWithItsFormatsDefaults() throws {
        let configuration = try load("""
            sources:
              - format: github-org-members
                file: exports/members.json
                scope: acme
                admins: exports/admins.json
                generated_at: 2026-11-19T06:00:00Z
              - format: aws-iam-credential-report
                file: /data/aws.csv
                system: aws-prod
                environment: production
                generated_at: 2026-11-19
            """).get()
        let sources = configuration.sources
        #expect(sources.map(\.format) == ["github-org-members", "aws-iam-credential-report"])
        #expect(sources.map(\.system) == ["github", "aws-prod"])
        #expect(sources[0].path.hasSuffix("/exports/members.json") && sources[0].file == "exports/members.json")
        #expect(sources[0].extraFiles["admins"]?.written == "exports/admins.json")
        #expect(sources[1].path == "/data/aws.csv")
        #expect(sources[1].environment == "production")
        #expect(sources[1].generatedAt?.rfc3339 == "2026-11-19T00:00:00Z")
    }

    @Test func eachMistakeIsAnErrorAtItsPlace() {
        #expect(problems("""
            sources:
              - format: okta-user
                file: a.json
                generated_at: 2026-11-19T06:00:00Z
            """) == ["2:13 `format` must be one of aws-iam-credential-report, github-org-members, okta-users, hris-roster, google-workspace-users-csv, "
                + "google-workspace-users, entra-users-csv, atlassian-users-csv, jamf-computers, intune-devices, baton-grants, baton-csv; found 'okta-user' (did you mean 'okta-users'?)"])
        #expect(problems("""
            sources:
              - format: okta-users
                file: a.json
                admins: b.json
                generated_at: 2026-11-19T06:00:00Z
            """) == ["4:5 format okta-users does not read `admins`; it reads `factors`"])
        #expect(problems("""
            sources:
              - format: aws-iam-credential-report
                file: a.csv
            """) == ["2:5 source 'a.csv' has no `generated_at`: aws-iam-credential-report does not carry when it was made, and evidence needs its time"])
        #expect(problems("""
            sources:
              - {format: okta-users, file: a.json, generated_at: 2026-11-19}
              - {format: okta-users, file: a.json, generated_at: 2026-11-19}
            """) == ["3:32 the export 'a.json' is named twice in `sources`"])
        #expect(problems("""
            sources:
              - {format: aws-iam-credential-report, file: a.csv, scope: 111122223333, generated_at: 2026-11-19}
            """) == ["2:61 `scope` must be a string; found 111122223333 (an integer) (quote it to make it a string)"])
        #expect(problems("sources: {format: okta-users}\n") == ["1:10 `sources` must be a list; found a mapping"])
    }
}
