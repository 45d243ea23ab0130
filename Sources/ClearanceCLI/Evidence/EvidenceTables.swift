import Foundation
import ClearanceCore
import ClearanceHistory

/// The evidence package's CSV files, one table each: leavers, revocations, reviews, sample, runs.
enum EvidenceTables {
    /// Each file's name and text, in the order the package lists them.
    static func files(_ package: EvidencePackage) -> [(name: String, text: String)] {
        [("leavers.csv", leavers(package).text), ("revocations.csv", revocations(package).text), ("reviews.csv", reviews(package).text),
         ("sample.csv", sample(package).text), ("runs.csv", runs(package).text)]
    }

    /// A time as RFC 3339, or empty.
    static func time(_ value: Timestamp?) -> String { value?.rfc3339 ?? "" }

    /// One row per leaver.
    static func leavers(_ package: EvidencePackage) -> CSVTable {
        var table = CSVTable(columns: ["leaver", "member", "name", "status", "exit_at", "exit_basis", "shown_by", "offboarding_exit", "engagement_end",
                                       "hr_records", "hr_status", "hr_termination_date", "hr_source", "identity_revoked_declared", "member_file",
                                       "systems", "systems_revoked", "systems_not_revoked", "sampled"])
        let sampled = Set(package.sample.drawn)
        for (index, leaver) in package.leavers.enumerated() {
            let rows = package.revocations(of: leaver)
            table.rows.append([
                leaver.key, leaver.member?.id ?? "", leaver.name, leaver.member?.status ?? "", time(leaver.exit), leaver.exitBasis ?? "",
                leaver.shownBy.joined(separator: "; "), time(leaver.member?.exit), time(leaver.member?.engagementEnd),
                leaver.employments.map(\.id).joined(separator: "; "), leaver.employments.map(\.status).joined(separator: "; "),
                time(leaver.terminationDate), Array(Set(leaver.employments.map(\.sourceFile))).sorted().joined(separator: "; "),
                time(leaver.member?.identityRevoked), leaver.member?.file ?? "",
                String(rows.count), String(rows.filter(\.isRevoked).count), String(rows.filter { !$0.isRevoked }.count), sampled.contains(index) ? "yes" : "no",
            ])
        }
        return table
    }

    /// One row per leaver and system.
    static func revocations(_ package: EvidencePackage) -> CSVTable {
        var table = CSVTable(columns: ["leaver", "system", "exit_at", "window", "deadline", "grants", "declared_revoked_at", "accounts", "observed_status",
                                       "observed_revoked_at", "observed_as", "observed_run", "observed_source", "basis", "revoked_at", "hours_to_revoke",
                                       "within_window", "note"])
        for row in package.revocations {
            table.rows.append([
                row.leaver, row.system, time(row.exit), package.settings.revocationWindow, time(row.deadline), row.grants.joined(separator: "; "),
                time(row.declared), row.accounts.joined(separator: "; "), row.observedStatus, time(row.observed), row.observedAs ?? "",
                row.observedRun.map(String.init) ?? "", row.observedSource ?? "", row.basis.rawValue, time(row.revokedAt), row.hoursText,
                row.within.rawValue, row.note,
            ])
        }
        return table
    }

    /// One row per grant due a review in a period.
    static func reviews(_ package: EvidencePackage) -> CSVTable {
        var table = CSVTable(columns: ["cadence", "period_start", "period_end", "member", "system", "resource", "role", "environment", "privileged",
                                       "granted", "revoked", "last_review", "reviewer", "decision", "status", "member_file"])
        for row in package.reviews.rows {
            table.rows.append([
                row.cadence, time(row.start), time(row.end), row.member, row.grant.system, row.grant.resource, row.grant.role, row.grant.environment,
                row.privileged ? "yes" : "no", time(row.grant.granted), time(row.grant.revoked), time(row.grant.lastReview), row.grant.reviewer ?? "",
                row.grant.decision ?? "", row.status, row.file,
            ])
        }
        return table
    }

    /// One row per leaver drawn, in the order drawn.
    static func sample(_ package: EvidencePackage) -> CSVTable {
        var table = CSVTable(columns: ["seed", "draw", "leaver", "member", "name", "exit_at", "systems", "systems_not_revoked"])
        for (draw, leaver) in package.sampledLeavers.enumerated() {
            let rows = package.revocations(of: leaver)
            table.rows.append([String(package.sample.seed), String(draw + 1), leaver.key, leaver.member?.id ?? "", leaver.name, time(leaver.exit),
                               String(rows.count), String(rows.filter { !$0.isRevoked }.count)])
        }
        return table
    }

    /// One row per file of each run relied on, then the files read now (run `current`).
    static func runs(_ package: EvidencePackage) -> CSVTable {
        var table = CSVTable(columns: ["run", "as_of", "recorded_at", "command", "scope", "tool_version", "git_revision", "config_sha256", "settings_sha256",
                                       "relied_on", "path", "role", "sha256", "size", "generated_at", "format"])
        let cited = Set(package.revocations.compactMap(\.observedRun))
        for run in package.runs {
            let inPeriod = Timestamp(seconds: run.asOfSeconds).map(package.period.contains) == true
            let reasons = (inPeriod ? ["evaluated in the period"] : []) + (cited.contains(run.id) ? ["shows a revocation"] : [])
            let head = [String(run.id), run.asOf, run.recordedAt.rfc3339, run.command, run.scope?.replacingOccurrences(of: "\n", with: "; ") ?? "",
                        run.toolVersion, run.gitRevision ?? "", run.configSHA256 ?? "", run.settingsSHA256, reasons.joined(separator: "; ")]
            let files = package.files(ofRun: run.id)
            if files.isEmpty { table.rows.append(head + ["", "", "", "", "", ""]) }
            for file in files { table.rows.append(head + fileCells(file)) }
        }
        for file in package.inputs {
            table.rows.append(["current", package.asOf.rfc3339, "", "evidence", "", ClearanceCommand.version, "", "", "", "read for this package"] + fileCells(file))
        }
        return table
    }

    /// A file's cells: path, role, digest, size, generation time, format.
    static func fileCells(_ file: FileRecord) -> [String] {
        [file.path, file.role, file.sha256, file.size.map(String.init) ?? "", time(file.generatedAt), file.format ?? ""]
    }
}
