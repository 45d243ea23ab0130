import Foundation
import Testing
import ClearanceTestSupport
import ClearanceDocument
@testable import ClearancePolicy

/// The document kind reference in `docs/kinds/` is generated from the shapes, and its examples are valid documents.
@Suite("Document kind reference")
struct KindReferenceTests {
    static let root = CommandRunner.packageRoot.path
    static let regenerate = "run `swift run clearance schema --reference docs/kinds`"

    @Test(arguments: KindReferenceWriter.pages().map(\.fileName))
    func committedPageIsCurrent(fileName: String) throws {
        let page = try #require(KindReferenceWriter.pages().first { $0.fileName == fileName })
        let committed = try? String(contentsOfFile: Self.root + "/docs/kinds/" + fileName, encoding: .utf8)
        #expect(committed == KindReferenceWriter.page(page), "docs/kinds/\(fileName) is stale or missing: \(Self.regenerate)")
    }

    @Test func committedIndexIsCurrentAndListsOnlyGeneratedPages() throws {
        let committed = try? String(contentsOfFile: Self.root + "/docs/kinds/README.md", encoding: .utf8)
        #expect(committed == KindReferenceWriter.index(KindReferenceWriter.pages()), "docs/kinds/README.md is stale or missing: \(Self.regenerate)")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: Self.root + "/docs/kinds"))
        #expect(files == Set(KindReferenceWriter.pages().map(\.fileName) + ["README.md"]), "docs/kinds holds a page no kind generates: \(Self.regenerate)")
    }

    @Test func fileNamesFollowTheSchemas() {
        #expect(KindReferenceWriter.pages().map(\.fileName) == ["team-member.md", "vendor.md", "access-manifest.md", "repository.md", "system.md", "ai-workflow.md", "service-account.md", "account.md", "employment.md", "managed-device.md", "source.md", "waiver.md"])
    }

    @Test func fileNamesSplitWordsAndKeepAcronymsWhole() {
        #expect(KindReferenceWriter.fileName(kind: "TeamMember") == "team-member.md")
        #expect(KindReferenceWriter.fileName(kind: "AIWorkflow") == "ai-workflow.md")
        #expect(KindReferenceWriter.fileName(kind: "HTTPServerLog") == "http-server-log.md")
        #expect(KindReferenceWriter.fileName(kind: "Vendor") == "vendor.md")
    }

    @Test func aRepositoryExampleHasAnOwnerAndAName() {
        let page = KindReferenceWriter.page(KindReferenceWriter.pages()[3])
        #expect(page.contains("```yaml\nkind: Repository\nid: example-org/example\n```\n"))
        #expect(page.contains("| `access[].permission` | a string | required | `read`, `triage`, `write`, `maintain` or `admin` |  |\n"))
    }

    @Test func nestedFieldsAreDottedPathsWithTypesRequirednessAndValues() {
        let page = KindReferenceWriter.page(KindReferenceWriter.pages()[0])
        #expect(page.contains("| `status` | a string | required | `candidate`, `onboarding`, `active`, `offboarding` or `offboarded` |  |\n"))
        #expect(page.contains("| `access` | a list of mappings (grant) or null | optional |  | Elements are identified by `system`, `resource` and `role`. |\n"))
        #expect(page.contains("| `access[].last_review.date` | a date or a date-time | required | YYYY-MM-DD or an RFC 3339 date-time | Evidence: never later than the evaluation time. |\n"))
        #expect(page.contains("| `identity.mfa` | a list of strings or null | optional | `sms`, `totp`, `push` or `webauthn` | The MFA methods enrolled now (a method removed is left out). |\n"))
        #expect(page.contains("`member_emails` maps each `email` to the ids of the documents recorded with it (a list of one when it is unique)."))
        #expect(page.contains("A policy with `target: TeamMember` reads each document of this kind as `member`; every expression can look one up by id in `members`."))
    }

    @Test(arguments: KindReferenceWriter.pages().map(\.fileName))
    func exampleIsAValidDocument(fileName: String) throws {
        let page = try #require(KindReferenceWriter.pages().first { $0.fileName == fileName })
        let text = KindReferenceWriter.page(page)
        let start = try #require(text.range(of: "```yaml\n")), end = try #require(text.range(of: "```\n", range: start.upperBound..<text.endIndex))
        let documents = try YAMLLoader(symbols: SymbolTable()).load(text: String(text[start.upperBound..<end.lowerBound]), name: fileName)
        let root = try #require(documents.first?.root)
        #expect(ShapeChecker.all(root, .object(page.shape), name: page.shape.name).isEmpty, "the example in \(fileName) is not a valid \(page.shape.name)")
        #expect(root["kind"]?.string == page.shape.name)
    }
}
