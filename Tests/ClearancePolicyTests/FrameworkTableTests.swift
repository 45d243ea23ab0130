import ClearanceDocument
import Foundation
import Testing
import ClearanceCore
import ClearanceTestSupport
@testable import ClearancePolicy

/// The framework control tables shipped in `Policies/frameworks/`, and rules' controls checked against them.
@Suite("Framework control tables")
struct FrameworkTableTests {
    let directory = TemporaryDirectory()
    static let frameworks = CommandRunner.packageRoot.appendingPathComponent("Policies/frameworks").path

    /// Loads `paths` and returns every error rendered, or "loaded" with counts.
    func load(_ paths: [String]) -> String {
        do {
            let set = try PolicyLoader(symbols: SymbolTable()).load(paths: paths)
            return "loaded \(set.policies.count) policies, \(set.rules.count) rules, \(set.frameworks.count) tables"
        } catch {
            return error.rendered.replacingOccurrences(of: directory.path + "/", with: "")
        }
    }

    static let pack = """
        kind: Policy
        id: demo
        title: Demo
        target: TeamMember
        rules:
          - id: D-01
            title: SSO
            severity: high
            require: member.identity.sso == true
            controls: [SOC2:CC6.1, ISO27001:A.8.42, NIST800-53:IA-2]

        """

    @Test func everyShippedRuleNamesOnlyListedControls() throws {
        let set = try PolicyLoader(symbols: SymbolTable()).load(paths: [CommandRunner.packageRoot.appendingPathComponent("Policies").path])
        #expect(Set(set.frameworks.map(\.framework)) == [.soc2, .iso27001, .nist80053])
        var unlisted: [String] = []
        for rule in set.rules {
            #expect(!rule.controls.isEmpty, "\(rule.id) names no control")
            for control in rule.controls {
                if set.table(control.framework)?.contains(control) != true { unlisted.append("\(rule.id) \(control)") }
            }
        }
        #expect(unlisted == [])
    }

    @Test func theTablesListWhatTheirScopeSays() throws {
        let set = try PolicyLoader(symbols: SymbolTable()).load(paths: [Self.frameworks])
        let soc2 = try #require(set.table(.soc2)), iso = try #require(set.table(.iso27001)), nist = try #require(set.table(.nist80053))
        // SOC 2: the 33 Common Criteria, then the two Confidentiality criteria.
        let criteria = [5, 3, 4, 2, 3, 8, 5, 1, 2].enumerated().flatMap { series, count in (1...count).map { "CC\(series + 1).\($0)" } } + ["C1.1", "C1.2"]
        #expect(soc2.controls.map(\.id) == criteria)
        // ISO/IEC 27001:2022: 37 organizational, 8 people, 14 physical and 34 technological controls.
        let annexA = [(5, 37), (6, 8), (7, 14), (8, 34)].flatMap { theme, count in (1...count).map { "A.\(theme).\($0)" } }
        #expect(iso.controls.map(\.id) == annexA)
        #expect(iso.title(of: "A.5.32") == "Intellectual property rights")
        #expect(iso.title(of: "A.6.7") == "Remote working")
        // NIST SP 800-53 Rev. 5: each listed family in full, withdrawn controls left out.
        let withdrawn: Set = ["AC-13", "AC-15", "AT-5", "AU-15", "PL-3", "PL-5", "PL-6", "RA-4", "SA-6", "SA-7", "SA-12", "SA-13", "SA-14", "SA-18",
                              "SA-19", "SC-9", "SC-14", "SC-19", "SC-33", "SI-9"]
        let families = [("AC", 25), ("AT", 6), ("AU", 16), ("CM", 14), ("IA", 12), ("MP", 8), ("PL", 11), ("PS", 9), ("PT", 8), ("RA", 10), ("SA", 23),
                        ("SC", 51), ("SI", 23), ("SR", 12)]
        let expected = families.flatMap { family, count in (1...count).map { "\(family)-\($0)" } }.filter { !withdrawn.contains($0) }
        #expect(nist.controls.map(\.id) == expected)
        #expect(nist.title(of: "SR-6") == "Supplier Assessments and Reviews")
        #expect(nist.title(of: "IA-2") == "Identification and Authentication (Organizational Users)")
    }

    @Test func aControlTheTableDoesNotListIsALoadErrorWithASuggestion() throws {
        let pack = directory.write("pack.yaml", Self.pack)
        let table = try String(contentsOfFile: Self.frameworks + "/iso27001.yaml", encoding: .utf8)
        directory.write("frameworks/iso27001.yaml", table)
        #expect(load([pack, directory.path + "/frameworks"]) == """
            pack.yaml:10:28: rule D-01 names 'ISO27001:A.8.42', which the ISO/IEC 27001:2022 Annex A table does not list (did you mean 'ISO27001:A.8.2'?)
                controls: [SOC2:CC6.1, ISO27001:A.8.42, NIST800-53:IA-2]
                                       ^
            frameworks/iso27001.yaml:2:1: note: the ISO27001 table loaded
            """)
    }

    @Test func aPackLoadsWhenNoTableOfItsFrameworkIsLoaded() {
        let pack = directory.write("pack.yaml", Self.pack)
        #expect(load([pack]) == "loaded 1 policies, 1 rules, 0 tables")
        directory.write("soc2.yaml", "kind: Framework\nid: SOC2\ntitle: SOC 2\nversion: TSC 2017\nscope: two criteria\ncontrols:\n  - {id: CC6.1, title: Logical access}\n  - {id: CC6.2, title: Registration}\n")
        #expect(load([pack, directory.path + "/soc2.yaml"]) == "loaded 1 policies, 1 rules, 1 tables")
    }

    @Test func aTableListsEachControlOnceAndEachFrameworkOnce() {
        let table = "kind: Framework\nid: SOC2\ntitle: SOC 2\nversion: TSC 2017\nscope: some\ncontrols:\n  - {id: CC6.1, title: A}\n  - {id: CC6.1, title: B}\n"
        directory.write("a.yaml", table)
        directory.write("b.yaml", table)
        #expect(load([directory.path]) == """
            a.yaml:8:10: control 'CC6.1' is listed twice in the SOC2 table
              - {id: CC6.1, title: B}
                     ^
            a.yaml:7:10: note: first used here
              - {id: CC6.1, title: A}
                     ^
            b.yaml:2:5: framework 'SOC2' is listed twice; one table per framework
            id: SOC2
                ^
            a.yaml:2:5: note: first used here
            id: SOC2
                ^
            """)
    }

    @Test func aTableIsCheckedAgainstItsShape() {
        directory.write("t.yaml", "kind: Framework\nid: SOC3\ntitle: SOC 3\nscope: some\ncontrol: []\n")
        #expect(load([directory.path]) == """
            t.yaml:1:1: Framework has no `controls`, which is required
            kind: Framework
            ^
            t.yaml:1:1: Framework has no `version`, which is required
            kind: Framework
            ^
            t.yaml:2:5: `id` must be one of SOC2, ISO27001, NIST800-53; found 'SOC3' (did you mean 'SOC2'?)
            id: SOC3
                ^
            t.yaml:5:1: unknown key `control` in Framework (did you mean `controls`?)
            control: []
            ^
            """)
    }
}

/// The mappings an audit of the shipped packs found wrong, as corrected.
@Suite("Shipped control mappings")
struct ShippedControlMappingTests {
    static let policies = try! PolicyLoader(symbols: SymbolTable()).load(paths: [CommandRunner.packageRoot.appendingPathComponent("Policies").path])  // safe: the shipped packs load (FrameworkTableTests proves it)

    func controls(_ rule: String) -> Set<String> { Set(Self.policies.rule(rule)?.controls.map(\.description) ?? []) }

    @Test func deviceProtectionMapsToMalwareAndEncryptionNotMonitoring() {
        let zt04 = controls("ZT-04")
        #expect(zt04.isSuperset(of: ["SOC2:CC6.7", "SOC2:CC6.8", "ISO27001:A.8.24", "NIST800-53:SI-3", "NIST800-53:SC-28"]))
        #expect(!zt04.contains("SOC2:CC7.2"))
    }

    @Test func deviceRulesMapToRemoteWorking() {
        for rule in ["ZT-04", "PC-04"] { #expect(controls(rule).contains("ISO27001:A.6.7"), "\(rule)") }
    }

    @Test func peopleChecksMapToSOC2() {
        #expect(controls("PC-01").contains("SOC2:CC1.4"))
        for rule in ["PC-02", "PC-03"] { #expect(controls(rule).contains { $0.hasPrefix("SOC2:") }, "\(rule)") }
    }

    @Test func workProductAssignmentIsNotOthersIntellectualProperty() {
        #expect(!controls("CON-02").contains("ISO27001:A.5.32"))
        #expect(Self.policies.rules.allSatisfy { !$0.controls.map(\.description).contains("ISO27001:A.5.32") })
    }

    @Test func assetReturnMapsToDisposalAndDeletion() {
        #expect(controls("OFF-03").isSuperset(of: ["ISO27001:A.7.14", "ISO27001:A.8.10", "NIST800-53:MP-6"]))
    }

    @Test func vendorAuditMapsToSupplierAssessment() {
        let ven01 = controls("VEN-01")
        #expect(ven01.isSuperset(of: ["NIST800-53:SR-6", "NIST800-53:SA-9"]))
        #expect(!ven01.contains("NIST800-53:PS-7"))
    }

    /// A.6.5 is the duties that outlast employment (confidentiality), not removing access: access removal is A.5.18.
    @Test func accessRemovalIsNotResponsibilitiesAfterTermination() {
        for rule in ["OFF-01", "OFF-02", "OFF-04", "OFF-05", "AM-04"] {
            #expect(!controls(rule).contains("ISO27001:A.6.5"), "\(rule)")
        }
        #expect(controls("CON-03").contains("ISO27001:A.6.5"))
    }
}
