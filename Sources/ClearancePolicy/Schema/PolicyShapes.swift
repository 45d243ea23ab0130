/// The shapes of the files policy authors write: policies, waivers, tests files, `clearance.yaml`.
public enum PolicyShapes {
    static let severity = Shape.string(allowed: Severity.allCases.map(\.rawValue))
    static let control = Shape.pattern("^(SOC2|ISO27001|NIST800-53):[A-Za-z0-9.-]+$",
                                       description: "a control such as SOC2:CC6.1, ISO27001:A.5.17 or NIST800-53:IA-2")

    /// One control: what must hold, for which documents, and what to do when it does not.
    public static let rule = ObjectShape(name: "rule", summary: "One control, checked once per target document (or per for_each element).", properties: [
        Property("id", .pattern("^[A-Za-z0-9][A-Za-z0-9._-]*$", description: "an id of letters, digits, '.', '_' and '-'"), required: true,
                 "Unique across every loaded policy, such as ZT-01."),
        Property("title", .string(), required: true, "What the control requires, in a few words."),
        Property("description", .string(), "Why the control matters, in a sentence or two."),
        Property("severity", severity, required: true),
        Property("when", .expression, "Only documents (or elements) for which this holds are checked; the rest are skipped."),
        Property("for_each", .expression, "`name in expression`: check each element of a list, one finding per element."),
        Property("require", .expression, required: true, "What must be true; false fails the control, an error fails closed."),
        Property("message", .template, "What is wrong, with {{ expression }} templates; defaults to the title."),
        Property("controls", .list(control), "Framework controls this rule evidences."),
        Property("remediation", .string(), "How to fix a failure."),
        Property("gates", .list(.string(allowed: ["pre-credentials"])), "Gates the rule belongs to: pre-credentials rules must pass before credentials are issued."),
    ])

    /// One param a pack declares.
    public static let parameter = ObjectShape(name: "param", summary: "A setting of the pack: its type, its default and what it means.", properties: [
        Property("type", .string(allowed: ParameterType.allCases.map(\.rawValue)), required: true, "What every value set for it must be."),
        Property("default", .any, required: true, "The value used when clearance.yaml sets none; neutral, never one company's."),
        Property("description", .string(), required: true, "What the param means, in one line."),
        Property("one_of", .list(.string()), "The only values a string (or each string of a list or map) may take."),
    ])

    /// A policy pack over the kinds Clearance ships.
    public static let policy = DocumentKinds.standard.policyShape

    /// A policy pack: rules over one kind of document, one of `targets`.
    static func policy(targets: [String]) -> ObjectShape { ObjectShape(name: "Policy", summary: "A policy pack: rules evaluated over every document of its target kind.", properties: [
        Property("kind", .string(allowed: ["Policy"]), required: true),
        Property("id", .pattern("^[a-z0-9][a-z0-9._-]*$", description: "an id of lowercase letters, digits, '.', '_' and '-'"), required: true),
        Property("title", .string(), required: true),
        Property("version", .string(), "The pack's version, such as 1.0.0."),
        Property("description", .string()),
        Property("target", .string(allowed: targets), required: true,
                 "The kind of document each rule is evaluated on."),
        Property("params", .dictionary(.object(parameter)),
                 "The settings the pack's expressions and texts read as params.NAME, each with a type, a default and a description; `clearance.yaml` sets them under settings.PACK-ID."),
        Property("rules", .list(.object(rule)), required: true),
    ]) }

    /// An accepted risk: one rule, one subject, until a date.
    public static let waiver = ObjectShape(name: "Waiver", summary: "An accepted exception to one rule for one subject, until it expires.", properties: [
        Property("kind", .string(allowed: ["Waiver"]), required: true),
        Property("id", .string(), required: true),
        Property("rule", .string(), required: true, "The id of the waived rule."),
        Property("subject", .string(), required: true, "The id of the document the waiver covers, or \"*\" for all."),
        Property("justification", .string(), required: true, "Why the risk is accepted."),
        Property("approved_by", .string(), required: true, "Who accepted it."),
        Property("expires", .timestamp, required: true, "Live through the end of this day (UTC), or until this instant."),
    ])

    /// `clearance.yaml`: what `clearance audit` checks when run with no arguments.
    public static let configuration = ObjectShape(name: "clearance.yaml", summary: "What `clearance audit` checks when run with no arguments.", properties: [
        Property("policies", .list(.string()), "Policy files or folders."),
        Property("inputs", .list(.string()), "Input files or folders: team members, vendors, access manifests, repositories, systems, AI workflows."),
        Property("waivers", .list(.string()), "Waiver files: the only place waivers are read from (a waiver file under an input folder is not an input)."),
        Property("waiver_approvers", .list(.string()), "The roles whose active holders may approve a waiver (default [security-owner])."),
        Property("waiver_max_days", .integer, "The longest a waiver may run after the evaluation time, in days (default 90)."),
        Property("fail_on", severity, "The lowest severity that fails the run (default low)."),
        Property("output", .string(), "The folder `audit` writes its report set to (default clearance-report)."),
        Property("settings", .dictionary(.dictionary(.any)),
                 "Params by pack id, such as access-reviews: {review_cadence: 180d}; each is checked against the type the pack declares."),
        Property("rules", .dictionary(.object(ruleOverride)),
                 "Changes to shipped rules by rule id: a severity, or disabled: true; each justified, approved and expiring like a waiver."),
        Property("sources", .list(.object(source)),
                 "Vendors' exports read as evidence: each record becomes an Account, Employment or ManagedDevice document linked to a person."),
        Property("history", .string(),
                 "Where `--record` stores runs: a SQLite file relative to clearance.yaml and inside the project (default .clearance/history.sqlite), "
                    + "or a postgres:// URL for a shared PostgreSQL database."),
    ])

    /// One entry of `sources:` in `clearance.yaml`.
    public static let source = ObjectShape(name: "source", summary: "One vendor's export, read as it comes out of the vendor's tool.", properties: [
        Property("format", .string(allowed: SourceFormats.standard.names), required: true, "The export's format."),
        Property("file", .string(), required: true, "The export file, relative to clearance.yaml."),
        Property("system", .string(), "The system its accounts belong to, as grants name it (default: the format's, such as aws, github, okta, hris, entra, jamf; required for baton formats)."),
        Property("scope", .string(), "The account, organisation or tenant (optional where the file names it, as AWS ARNs do)."),
        Property("environment", .string(), "The environment, such as production."),
        Property("generated_at", .timestamp, "When the export was made (required: none of these formats carries it)."),
        Property("admins", .string(), "github-org-members: the JSON of GET /orgs/{org}/members?role=admin."),
        Property("two_factor_disabled", .string(), "github-org-members: the JSON of GET /orgs/{org}/members?filter=2fa_disabled."),
        Property("outside_collaborators", .string(), "github-org-members: the JSON of GET /orgs/{org}/outside_collaborators."),
        Property("factors", .string(), "okta-users: a JSON mapping of each user id to its factors (GET /api/v1/users/{id}/factors)."),
        Property("preset", .string(), "hris-roster: the HR system whose column names the roster uses (bamboohr, generic)."),
        Property("columns", .dictionary(.string()), "hris-roster: each field's column name, such as {employee_id: Employee #, email: Work Email}."),
        Property("mfa_registration", .string(), "entra-users-csv: the JSON of GET /reports/authenticationMethods/userRegistrationDetails."),
        Property("privileged", .object(batonPrivilege), "baton-grants, baton-csv: the entitlements whose grants make an account privileged."),
    ])

    /// The `privileged:` option of a baton source.
    public static let batonPrivilege = ObjectShape(name: "privileged entitlements", summary: "The baton entitlements whose grants make an account privileged.", properties: [
        Property("purposes", .list(.string()), "Entitlement purposes: assignment, permission, ownership (baton-grants only; the CSV has none)."),
        Property("slugs", .list(.string()), "Entitlement slugs, in any case: admin, owner."),
        Property("entitlements", .list(.string()), "Whole entitlement ids: role:org-admin:member."),
    ])

    /// A change to one rule in `clearance.yaml`.
    public static let ruleOverride = ObjectShape(name: "rule override", summary: "A rule's severity changed, or the rule turned off, until a date.", properties: [
        Property("severity", severity, "The severity the rule's findings get instead of the pack's."),
        Property("disabled", .boolean, "true turns the rule off: it is not evaluated and reports list it as disabled."),
        Property("justification", .string(), required: true, "Why the change is accepted."),
        Property("approved_by", .string(), required: true, "The member id of who accepted it: an active holder of a waiver_approvers role."),
        Property("expires", .timestamp, required: true, "After this day (UTC) or instant the change no longer applies and is reported."),
    ])

    static let expectation = ObjectShape(name: "expected finding", summary: "One finding a test case expects.", properties: [
        Property("rule", .string(), required: true), Property("subject", .string(), required: true),
        Property("status", .string(allowed: FindingStatusName.all), required: true),
        Property("element", .string(), "The for_each element, such as devices[1]."),
        Property("message", .string(), "The exact message, when the test checks it."),
    ])

    /// `<pack>.tests.yaml`: inline documents and the findings expected of them.
    public static let testsFile = ObjectShape(name: "policy tests", summary: "Test cases for a policy pack: inline documents and the exact findings expected.", properties: [
        Property("policy", .any, required: true, "The id of the policy under test, or a list of ids."),
        Property("as_of", .timestamp, "The evaluation time of every case (default 2026-01-01)."),
        Property("fixtures", .list(.any), "Documents present in every case."),
        Property("settings", .dictionary(.dictionary(.any)), "Params by pack id for every case, as in clearance.yaml (default: the packs' defaults)."),
        Property("cases", .list(.object(ObjectShape(name: "test case", summary: "One case.", properties: [
            Property("name", .string(), required: true),
            Property("rules", .list(.string()), "Compare only these rules' findings."),
            Property("as_of", .timestamp, "The evaluation time of this case."),
            Property("settings", .dictionary(.dictionary(.any)), "Params by pack id for this case, in place of the file's."),
            Property("documents", .list(.any), required: true, "Inline documents: TeamMember, Vendor, AccessManifest, Waiver."),
            Property("expect", .list(.object(expectation)), required: true),
        ]))), required: true),
    ])
}

/// The six finding outcomes as spelled in files.
public enum FindingStatusName {
    /// `pass`, `fail`, `error`, `waived`, `skip`, `pending`.
    public static let all = ["pass", "fail", "error", "waived", "skip", "pending"]
}
