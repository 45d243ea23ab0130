import ArgumentParser
import Foundation

/// `clearance-bench generate`: writes a synthetic organisation, the same for the same seed.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic organisation: team/<id>.yaml per member, vendors.yaml, access/*.yaml.",
        discussion: "About 6 KB per member; about 15% of members carry violations (--violations heavy: nine in ten carry many)."
    )

    @Option(help: "Number of team members.")
    var members: Int = 1000

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(help: "Write every TeamMember into this one multi-document file instead of a directory.")
    var singleFile: String?

    @Flag(help: "Also write exports/aws-credential-report.csv (one IAM user per member, which the member claims, and one in twenty unclaimed) and a clearance.yaml reading it as a source.")
    var credentialReport = false

    @Option(help: "tidy: about 15% of members carry one or two violations; heavy: nine in ten carry six to ten, as in a first audit.")
    var violations = "tidy"

    @Argument(help: "Output directory (created if missing).")
    var directory: String?

    func validate() throws {
        if singleFile == nil && directory == nil { throw ValidationError("give an output directory or --single-file") }
        if members < 1 { throw ValidationError("--members must be at least 1") }
        if !["tidy", "heavy"].contains(violations) { throw ValidationError("--violations must be tidy or heavy; got '\(violations)'") }
    }

    func run() throws {
        var generator = OrganisationGenerator(seed: seed, memberCount: members)
        generator.claimsAccounts = credentialReport
        generator.violationHeavy = violations == "heavy"
        let manager = FileManager.default
        if let singleFile {
            var text = ""
            for index in 0..<members {
                text += (index == 0 ? "" : "---\n") + generator.member(at: index).yaml
            }
            try text.write(toFile: singleFile, atomically: false, encoding: .utf8)
            print("wrote \(members) members to \(singleFile) (\(text.utf8.count) bytes)")
            return
        }
        guard let directory else { return }
        try manager.createDirectory(atPath: directory + "/team", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: directory + "/access", withIntermediateDirectories: true)
        var bytes = 0
        for index in 0..<members {
            let member = generator.member(at: index)
            try member.yaml.write(toFile: "\(directory)/team/\(member.id).yaml", atomically: false, encoding: .utf8)
            bytes += member.yaml.utf8.count
        }
        let vendors = generator.vendorsYAML()
        try vendors.write(toFile: directory + "/vendors.yaml", atomically: false, encoding: .utf8)
        for (name, text) in generator.manifestsYAML() {
            try text.write(toFile: "\(directory)/access/\(name).yaml", atomically: false, encoding: .utf8)
            bytes += text.utf8.count
        }
        print("wrote \(members) members to \(directory) (\(bytes + vendors.utf8.count) bytes)")
        if credentialReport {
            try manager.createDirectory(atPath: directory + "/exports", withIntermediateDirectories: true)
            var report = CredentialReportGenerator(seed: seed)
            let text = report.report(users: (0..<members).map(generator.memberID))
            try text.write(toFile: directory + "/exports/aws-credential-report.csv", atomically: false, encoding: .utf8)
            let configuration = "inputs: [team, vendors.yaml, access]\nsources:\n  - format: aws-iam-credential-report\n"
                + "    file: exports/aws-credential-report.csv\n    scope: \"\(CredentialReportGenerator.account)\"\n    generated_at: 2026-11-19T06:00:00Z\n"
            try configuration.write(toFile: directory + "/clearance.yaml", atomically: false, encoding: .utf8)
            print("wrote exports/aws-credential-report.csv (\(text.utf8.count) bytes) and clearance.yaml")
        }
    }
}
