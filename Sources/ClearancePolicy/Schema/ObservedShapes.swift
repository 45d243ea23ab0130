/// The shapes of the documents Clearance builds from vendors' exports (`sources:` in `clearance.yaml`),
/// and of the `ServiceAccount` a team declares for a non-person account.
///
/// Observed documents are never written by hand: an input file that holds one is refused. Their
/// nodes are located at the export's cell (CSV) or node (JSON) they were read from.
public enum ObservedShapes {
    private static let date = DocumentShapes.date
    private static let flag = DocumentShapes.flag

    /// Where an observed record came from: the export, its digest and generation time, and the record's place in it.
    static let origin = ObjectShape(name: "source", summary: "The export a record was read from.", properties: [
        Property("format", .string(), required: true, "The export's format, such as aws-iam-credential-report."),
        Property("file", .string(), required: true, "The export file, as clearance.yaml names it."),
        Property("sha256", .string(), required: true, "The SHA-256 of the export's bytes."),
        Property("generated_at", .timestamp, required: true, "When the export was made: the time the record describes."),
        Property("record", .integer, required: true, "The record's place: its line in a CSV file, its position (from 1) in a JSON list."),
    ])

    /// The link states of an observed record.
    public static let linkStates = ["linked", "unlinked", "service", "ambiguous"]

    /// An account on one system, as its export shows it.
    public static let account = ObjectShape(name: "Account", summary: "An account on one system, read from the system's export.", properties: [
        Property("kind", .string(allowed: ["Account"]), required: true),
        Property("id", .string(), required: true, "`<system>:<scope>:<native id>`, such as aws:111122223333:dana."),
        Property("system", .string(), required: true, "The system, as grants name it: aws, github, okta."),
        Property("scope", .nullable(.string()), "The account, organisation or tenant within the system: an AWS account id, a GitHub organisation."),
        Property("environment", .nullable(.string()), "The environment the source declares, such as production."),
        Property("native_id", .string(), required: true, "The system's own id of the account (an IAM user name, a GitHub login, an Okta user id)."),
        Property("login", .nullable(.string()), "The name the account signs in with."),
        Property("email", .nullable(.string())),
        Property("display_name", .nullable(.string())),
        Property("status", .string(allowed: ["active", "suspended", "deprovisioned", "pending"]), required: true,
                 "active, suspended (cannot sign in for now), deprovisioned (removed) or pending (invited, not yet active)."),
        Property("interactive", .boolean, required: true, "Whether a person can sign in with it (an AWS user with a console password; every IdP and GitHub user)."),
        Property("privileged", flag, "Whether it holds an administrator role in the system; null when the source does not say."),
        Property("root", .boolean, required: true, "Whether it is the system's root account (AWS <root_account>)."),
        Property("guest", .boolean, required: true, "Whether it is a guest or external account (an Entra guest, a GitHub outside collaborator)."),
        Property("mfa", .object(ObjectShape(name: "mfa", summary: "Multi-factor authentication, as the source reports it.", properties: [
            Property("enabled", flag, "true or false as the source says; null when it does not report MFA."),
            Property("methods", .nullable(.list(.string())), "The active factors' types, as the source names them (webauthn, token:software:totp, virtual)."),
            Property("phishing_resistant", flag, "Whether an active factor resists phishing (WebAuthn, FIDO2, U2F); null when unknown."),
        ])), required: true),
        Property("created", date, "When the account was created."),
        Property("last_seen", date, evidence: true, "The last sign-in or use; null when the source does not report use, or never used (see never_seen)."),
        Property("never_seen", .boolean, required: true, "true when the source says the account has never been used."),
        Property("credentials", .list(.object(credential)), required: true, "Its passwords, access keys and certificates."),
        Property("person", .nullable(DocumentShapes.memberID), "The TeamMember it is linked to."),
        Property("link", .string(allowed: linkStates), required: true,
                 "linked (to a member), service (a declared ServiceAccount), ambiguous (claimed by several members) or unlinked."),
        Property("linked_by", .nullable(.string(allowed: ["accounts", "email", "service-account"])), "What made the link: a member's `accounts`, the email, a ServiceAccount."),
        Property("claimants", .list(DocumentShapes.memberID), required: true, "The members who claim it, when it is ambiguous."),
        Property("service_account", .nullable(.string()), "The ServiceAccount that declares it."),
        Property("source", .object(origin), required: true),
    ])

    /// One credential of an account.
    static let credential = ObjectShape(name: "credential", summary: "A password, access key or certificate of an account.", properties: [
        Property("kind", .string(allowed: ["password", "access-key", "certificate"]), required: true),
        Property("slot", .integer, required: true, "Which of the account's keys or certificates: 1 or 2 (1 for a password)."),
        Property("active", .boolean, required: true),
        Property("last_rotated", date, evidence: true, "When it was last set or rotated."),
        Property("last_used", date, evidence: true, "When it was last used; null when never or not reported."),
    ], identity: ["kind", "slot"])

    /// A person's employment, as the HR system's roster shows it.
    public static let employment = ObjectShape(name: "Employment", summary: "A person's employment, read from the HR system's roster.", properties: [
        Property("kind", .string(allowed: ["Employment"]), required: true),
        Property("id", .string(), required: true, "`hris:<scope>:<employee id>`."),
        Property("system", .string(), required: true, "The HR system: hris unless the source names another."),
        Property("scope", .nullable(.string())),
        Property("employee_id", .string(), required: true),
        Property("email", .nullable(.string())),
        Property("display_name", .nullable(.string())),
        Property("status", .string(allowed: ["active", "inactive"]), required: true, "active or inactive, as the HR system says."),
        Property("employment_type", .nullable(.string()), "As the HR system names it: Full-Time, Contractor, Terminated."),
        Property("hire_date", date),
        Property("termination_date", date, "The last day of employment; null when none."),
        Property("manager_email", .nullable(.string())),
        Property("department", .nullable(.string())),
        Property("person", .nullable(DocumentShapes.memberID), "The TeamMember it is linked to."),
        Property("link", .string(allowed: ["linked", "unlinked", "ambiguous"]), required: true),
        Property("linked_by", .nullable(.string(allowed: ["employee_id", "email"])), "What made the link."),
        Property("claimants", .list(DocumentShapes.memberID), required: true, "The members who claim it, when it is ambiguous."),
        Property("source", .object(origin), required: true),
    ])

    /// A device a device manager enrolls, as its inventory export shows it.
    public static let managedDevice = ObjectShape(name: "ManagedDevice", summary: "A computer or phone a device manager (MDM) enrolls, read from its inventory export.", properties: [
        Property("kind", .string(allowed: ["ManagedDevice"]), required: true),
        Property("id", .string(), required: true, "`<system>:<serial number>`, such as jamf:C02XK1ABJGH5."),
        Property("system", .string(), required: true, "The device manager: jamf, intune."),
        Property("scope", .nullable(.string()), "The tenant or instance of the device manager."),
        Property("serial", .string(), required: true, "The hardware serial number."),
        Property("name", .nullable(.string()), "The device's name."),
        Property("owner_email", .nullable(.string()), "The email (or user principal name) of the user the device manager assigns it to."),
        Property("managed", .boolean, required: true, "Whether the device manager still manages it."),
        Property("encrypted", flag, "Whether its disk is encrypted (FileVault, BitLocker); null when the export does not say."),
        Property("os_version", .nullable(.string())),
        Property("compliance", .string(allowed: ["compliant", "noncompliant", "unknown"]), required: true,
                 "compliant or noncompliant as the device manager judges it by its own policies; unknown when it does not judge."),
        Property("last_checkin", date, evidence: true, "When it last checked in with the device manager."),
        Property("owner_type", .nullable(.string(allowed: ["company", "personal"])), "Whether the company or the person owns it."),
        Property("person", .nullable(DocumentShapes.memberID), "The TeamMember it is linked to."),
        Property("link", .string(allowed: ["linked", "unlinked", "ambiguous"]), required: true),
        Property("linked_by", .nullable(.string(allowed: ["serial", "email"])), "What made the link: the serial a member's `devices` declares, or the email."),
        Property("claimants", .list(DocumentShapes.memberID), required: true, "The members who claim it, when it is ambiguous."),
        Property("source", .object(origin), required: true),
    ])

    /// An export read as a source, one per entry of `sources:` (the subject of stale-evidence rules).
    public static let source = ObjectShape(name: "Source", summary: "A vendor's export read as evidence: its format, digest, generation time and records.", properties: [
        Property("kind", .string(allowed: ["Source"]), required: true),
        Property("id", .string(), required: true, "The export file, as clearance.yaml names it."),
        Property("format", .string(), required: true),
        Property("file", .string(), required: true),
        Property("system", .string(), required: true),
        Property("scope", .nullable(.string())),
        Property("environment", .nullable(.string())),
        Property("sha256", .string(), required: true),
        Property("generated_at", .timestamp, required: true, "When the export was made."),
        Property("records", .integer, required: true, "How many records it holds."),
        Property("record_kind", .string(allowed: ["Account", "Employment", "ManagedDevice"]), required: true, "The kind of document each record becomes."),
    ])

    /// A non-person account the team declares, with the member accountable for it.
    public static let serviceAccount = ObjectShape(name: "ServiceAccount", summary: "A non-person account on one system, with an accountable owner.", properties: [
        Property("kind", .string(allowed: ["ServiceAccount"]), required: true),
        Property("id", DocumentShapes.memberID, required: true, "Unique id, such as deploy-bot."),
        Property("system", .string(), required: true, "The system, as sources name it: aws, github, okta."),
        Property("scope", .nullable(.string()), "The account, organisation or tenant; any when absent."),
        Property("native_id", .string(), required: true, "The account's id or login in the system."),
        Property("owner", DocumentShapes.memberID, required: true, "The TeamMember accountable for it."),
        Property("purpose", .string(), required: true, "What it is for."),
        Property("expires", date, "When it is to be removed; null when it has no end."),
    ])
}
