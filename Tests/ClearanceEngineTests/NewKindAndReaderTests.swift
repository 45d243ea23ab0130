import ClearanceCore
import ClearanceDocument
import ClearanceEngine
import ClearancePolicy
import ClearanceTestSupport
import Testing

/// A kind and a reader defined here, with no change to the engine: rules over them find their
/// findings at the reader's positions, and the kind's lookup map serves other kinds' rules.
struct NewKindAndReaderTests {
    static let laptopPolicy = """
        kind: Policy
        id: laptops
        title: Laptops
        target: Laptop
        rules:
          - id: LT-01
            title: Laptops are encrypted
            severity: high
            require: laptop.encrypted
            message: "{{laptop.id}} of {{laptop.owner}} is not encrypted"
          - id: LT-02
            title: Laptops belong to someone active
            severity: medium
            require: laptop.owner in members && members[laptop.owner].status == 'active'
            message: "{{laptop.id}} belongs to {{laptop.owner}}, who is not an active member"
        """

    static let memberPolicy = """
        kind: Policy
        id: people
        title: People
        target: TeamMember
        rules:
          - id: PE-01
            title: Active people have a laptop
            severity: low
            when: member.status == 'active'
            require: laptops.exists(tag, laptops[tag].owner == member.id)
            message: "{{member.id}} has no laptop"
        """

    static let team = """
        kind: TeamMember
        id: ana
        name: Ana
        status: active
        ---
        kind: TeamMember
        id: bo
        name: Bo
        status: offboarded
        ---
        kind: TeamMember
        id: cy
        name: Cy
        status: active
        """

    static let inventory = "# asset inventory\nLT-100 owner=ana encrypted=yes os=14.5\nLT-101  owner=bo encrypted=no\n"

    private func run() throws -> Report {
        let kinds = try LaptopInventory.kinds()
        let folder = TemporaryDirectory()
        folder.write("policies/laptops.yaml", Self.laptopPolicy)
        folder.write("policies/people.yaml", Self.memberPolicy)
        folder.write("inputs/team.yaml", Self.team)
        folder.write("inputs/assets.inventory", Self.inventory)
        let symbols = SymbolTable()
        let policies = try PolicyLoader(kinds: kinds, symbols: symbols).load(paths: [folder.path + "/policies"])
        let documents = try InputLoader(symbols: symbols, readers: InputReaders([YAMLReader(), InventoryReader()]))
            .load(paths: [folder.path + "/inputs"], policies: policies)
        return Engine(policies: policies, documents: documents, now: Timestamp(seconds: 1_800_000_000)!).run()
    }

    @Test func findingsOverANewKindPointAtTheReadersPositions() throws {
        let report = try run()
        let failing = report.findings.filter { $0.status == .fail }.map { "\($0.rule.id) \($0.subject) \($0.location.line):\($0.location.column) \($0.message)" }
        #expect(failing.sorted() == [
            "LT-01 LT-101 3:28 LT-101 of bo is not encrypted",  // at `no` in `encrypted=no`
            "LT-02 LT-101 3:15 LT-101 belongs to bo, who is not an active member",  // at `bo` in `owner=bo`
            "PE-01 cy 12:5 cy has no laptop",  // at the id of the YAML member who has none
        ])
        let encryption = try #require(report.findings.first { $0.rule.id == "LT-01" && $0.status == .fail })
        #expect(encryption.location.file.hasSuffix("inputs/assets.inventory"))
        #expect(encryption.kind == DocumentKind("Laptop"))
        #expect(report.documentsChecked == 5)
        #expect(report.subjects.map(\.id) == ["LT-100", "LT-101", "ana", "bo", "cy"])
        #expect(report.subjects.first { $0.id == "LT-101" }?.details == ["owner bo"])
    }

    @Test func aDocumentOfTheNewKindIsCheckedAgainstItsShapeAtTheReadersPositions() throws {
        let kinds = try LaptopInventory.kinds()
        let folder = TemporaryDirectory()
        folder.write("policies/laptops.yaml", Self.laptopPolicy)
        folder.write("inputs/assets.inventory", "LT-100 owner=ana encrypted=maybe\nPC-7 owner=bo encrypted=no\n")
        let symbols = SymbolTable()
        let policies = try PolicyLoader(kinds: kinds, symbols: symbols).load(paths: [folder.path + "/policies"])
        let loader = InputLoader(symbols: symbols, readers: InputReaders([YAMLReader(), InventoryReader()]))
        #expect {
            try loader.load(paths: [folder.path + "/inputs"], policies: policies)
        } throws: { error in
            let items = (error as? Diagnostics)?.items.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.message)" } ?? []
            return items == [
                "1:28 `encrypted` must be true or false; found 'maybe'",
                "2:1 Laptop id 'PC-7' must be an asset tag such as LT-100",
            ]
        }
    }

    @Test func aKindIsRefusedWhenItsPatternDoesNotCompileOrItsNamesAreTaken() {
        let broken = KindDescriptor(
            kind: DocumentKind("Badge"), bindingName: "badge",
            shape: ObjectShape(name: "Badge", summary: "", properties: [Property("id", .pattern("^(B-[0-9]+$", description: "a badge"), required: true)]),
            naming: SubjectNaming(one: "badge", many: "badges", groupTitle: "Badges"))
        #expect(throws: Diagnostic.self) { try DocumentKinds.standard.adding(broken) }
        let clash = KindDescriptor(kind: DocumentKind("Person"), bindingName: "member", shape: LaptopInventory.descriptor.shape,
                                   naming: SubjectNaming(one: "person", many: "people", groupTitle: "People"))
        #expect {
            try DocumentKinds.standard.adding(clash)
        } throws: { ($0 as? Diagnostic)?.message == "kind Person: the name 'member' is already taken" }
        #expect(throws: Diagnostic.self) { try DocumentKinds.standard.adding(TeamMemberKind.descriptor) }
        let indexClash = KindDescriptor(kind: DocumentKind("Person"), bindingName: "person", shape: LaptopInventory.descriptor.shape,
                                        indexes: [KindIndex(name: "member_emails", path: ["email"])],
                                        naming: SubjectNaming(one: "person", many: "people", groupTitle: "People"))
        #expect {
            try DocumentKinds.standard.adding(indexClash)
        } throws: { ($0 as? Diagnostic)?.message == "kind Person: the name 'member_emails' is already taken" }
    }

    @Test func aPolicyCannotTargetAKindThatIsNotRegistered() throws {
        #expect {
            try PolicyLoader(symbols: SymbolTable()).load(bytes: Array(Self.laptopPolicy.utf8), name: "laptops.yaml")
        } throws: { error in
            (error as? Diagnostics)?.items.first?.message.contains("one of TeamMember, Vendor, AccessManifest") ?? false
        }
    }
}
