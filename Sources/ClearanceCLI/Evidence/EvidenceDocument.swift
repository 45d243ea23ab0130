import ClearanceCore
import ClearanceHistory

/// The evidence package as one JSON document (`evidence.json`): everything the CSV files hold, with the settings and
/// decisions they were made under.
enum EvidenceDocument {
    /// The document's text.
    static func json(_ package: EvidencePackage, folder: String) -> String {
        let sampled = Set(package.sample.drawn)
        return JSONText.object([
            ("version", .int(1)),
            ("period", .object([("from", .string(package.period.fromText)), ("to", .string(package.period.toText)),
                                ("start", .string(package.period.start.rfc3339)), ("end", .string(package.period.end.rfc3339))])),
            ("asOf", .string(package.asOf.rfc3339)),
            ("toolVersion", .string(ClearanceCommand.version)),
            ("history", .object([("store", .string(package.historyName)), ("available", .bool(package.history != nil)),
                                 ("runsRecorded", .int(Int64(package.history?.runs.count ?? 0)))])),
            ("settings", .object([
                ("revocationWindow", .string(package.settings.revocationWindow)), ("timezone", .string(package.settings.timezone)),
                ("holidays", .array(package.settings.holidays.map(JSONText.string))), ("windowOrigin", .string(package.settings.windowOrigin)),
                ("reviewCadence", .string(package.settings.reviewCadence)), ("privilegedReviewCadence", .string(package.settings.privilegedReviewCadence)),
                ("cadenceOrigin", .string(package.settings.cadenceOrigin)),
            ])),
            ("summary", summary(package)),
            ("leavers", .array(package.leavers.enumerated().map { index, leaver in leaverJSON(leaver, package, sampled: sampled.contains(index)) })),
            ("revocations", .array(package.revocations.map(revocationJSON))),
            ("reviews", .object([
                ("periods", .array(package.reviews.periods.map { period in
                    .object([("cadence", .string(period.cadence)), ("start", .string(period.start.rfc3339)), ("end", .string(period.end.rfc3339)),
                             ("due", .int(Int64(period.due))), ("done", .int(Int64(period.done))), ("missed", .int(Int64(period.missed))),
                             ("notShown", .int(Int64(period.notShown)))])
                })),
                ("rows", .array(package.reviews.rows.map { row in
                    .object([("cadence", .string(row.cadence)), ("periodStart", .string(row.start.rfc3339)), ("member", .string(row.member)),
                             ("system", .string(row.grant.system)), ("resource", .string(row.grant.resource)), ("role", .string(row.grant.role)),
                             ("privileged", .bool(row.privileged)), ("lastReview", .optional(row.grant.lastReview?.rfc3339)), ("status", .string(row.status)),
                             ("file", .string(row.file))])
                })),
            ])),
            ("sample", .object([("seed", .string(String(package.sample.seed))), ("requested", .int(Int64(package.sample.requested))),
                                ("population", .int(Int64(package.sample.population))),
                                ("leavers", .array(package.sampledLeavers.map { JSONText.string($0.key) }))])),
            ("runs", .array(package.runs.map { run in
                .object([("id", .int(run.id)), ("asOf", .string(run.asOf)), ("recordedAt", .string(run.recordedAt.rfc3339)), ("command", .string(run.command)),
                         ("toolVersion", .string(run.toolVersion)), ("gitRevision", .optional(run.gitRevision)), ("configSHA256", .optional(run.configSHA256)),
                         ("settingsSHA256", .string(run.settingsSHA256)), ("files", .array(package.files(ofRun: run.id).map(fileJSON)))])
            })),
            ("inputs", .array(package.inputs.map(fileJSON))),
            ("files", .array(EvidenceFolder.fileNames.map { JSONText.string($0) })),
            ("folder", .string(folder)),
        ]).pretty + "\n"
    }

    /// The counts the command prints.
    static func summary(_ package: EvidencePackage) -> JSONText {
        let rows = package.revocations
        return .object([
            ("leavers", .int(Int64(package.leavers.count))),
            ("systems", .int(Int64(rows.count))),
            ("withinWindow", .int(Int64(rows.filter { $0.within == .yes }.count))),
            ("late", .int(Int64(rows.filter { $0.within == .no && $0.isRevoked }.count))),
            ("notRevoked", .int(Int64(rows.filter { !$0.isRevoked }.count))),
            ("observed", .int(Int64(rows.filter { $0.basis == .observed }.count))),
            ("declared", .int(Int64(rows.filter { $0.basis == .declared }.count))),
            ("reviewsDue", .int(Int64(package.reviews.rows.count))),
            ("reviewsDone", .int(Int64(package.reviews.rows.filter { $0.status == "done" }.count))),
            ("reviewsMissed", .int(Int64(package.reviews.rows.filter { $0.status == "missed" }.count))),
            ("reviewsNotShown", .int(Int64(package.reviews.rows.filter { $0.status == "not shown" }.count))),
        ])
    }

    /// A leaver as the document lists it.
    static func leaverJSON(_ leaver: Leaver, _ package: EvidencePackage, sampled: Bool) -> JSONText {
        .object([
            ("key", .string(leaver.key)), ("member", .optional(leaver.member?.id)), ("name", .string(leaver.name)), ("status", .optional(leaver.member?.status)),
            ("exit", .optional(leaver.exit?.rfc3339)), ("exitBasis", .optional(leaver.exitBasis)),
            ("shownBy", .array(leaver.shownBy.map(JSONText.string))),
            ("offboardingExit", .optional(leaver.member?.exit?.rfc3339)), ("engagementEnd", .optional(leaver.member?.engagementEnd?.rfc3339)),
            ("hr", .array(leaver.employments.map { employment in
                .object([("id", .string(employment.id)), ("employeeID", .string(employment.employeeID)), ("status", .string(employment.status)),
                         ("terminationDate", .optional(employment.terminationDate?.rfc3339)), ("source", .string(employment.sourceFile)),
                         ("record", employment.record.map { JSONText.int(Int64($0)) } ?? JSONText.null)])
            })),
            ("identityRevokedDeclared", .optional(leaver.member?.identityRevoked?.rfc3339)), ("file", .optional(leaver.member?.file)),
            ("systems", .array(package.revocations(of: leaver).map { JSONText.string($0.system) })), ("sampled", .bool(sampled)),
        ])
    }

    /// A revocation row as the document lists it.
    static func revocationJSON(_ row: Revocation) -> JSONText {
        .object([
            ("leaver", .string(row.leaver)), ("system", .string(row.system)), ("exit", .optional(row.exit?.rfc3339)), ("deadline", .optional(row.deadline?.rfc3339)),
            ("grants", .array(row.grants.map(JSONText.string))), ("declaredRevokedAt", .optional(row.declared?.rfc3339)),
            ("accounts", .array(row.accounts.map(JSONText.string))),
            ("observed", .object([("status", .string(row.observedStatus)), ("revokedAt", .optional(row.observed?.rfc3339)), ("as", .optional(row.observedAs)),
                                  ("run", row.observedRun.map(JSONText.int) ?? JSONText.null), ("source", .optional(row.observedSource))])),
            ("basis", .string(row.basis.rawValue)), ("revokedAt", .optional(row.revokedAt?.rfc3339)),
            ("hoursToRevoke", row.hundredthsOfHours.map { JSONText.double(Double($0) / 100) } ?? JSONText.null),
            ("withinWindow", .string(row.within.rawValue)), ("note", .string(row.note)),
        ])
    }

    /// A file read, with its digest.
    static func fileJSON(_ file: FileRecord) -> JSONText {
        .object([("path", .string(file.path)), ("role", .string(file.role)), ("sha256", .string(file.sha256)), ("size", file.size.map { JSONText.int(Int64($0)) } ?? JSONText.null),
                 ("generatedAt", .optional(file.generatedAt?.rfc3339)), ("format", .optional(file.format))])
    }
}
