/// The shapes of the documents Clearance reads, as DESIGN.md describes them.
///
/// Required are the fields that identify a document or a list element (fingerprints are made
/// from a grant's system, resource, role and member and a device's id) and the fields the
/// shipped rules' `when` conditions decide on; every other key may be absent or null.
/// Evidence timestamps (``Property/isEvidence``) may not be later than the evaluation time.
public enum DocumentShapes {
    static let date = Shape.nullable(.timestamp)
    /// A timestamp of evidence: when something happened, never later than the evaluation time.
    static func evidence(_ name: String, _ summary: String = "") -> Property { Property(name, date, evidence: true, summary) }
    static let flag = Shape.nullable(.boolean)
    static let memberID = Shape.pattern("^[a-z0-9._-]+$", description: "an id of lowercase letters, digits, '.', '_' and '-'")

    /// A person on the team: identity, checks, devices, access grants, contract, offboarding.
    public static let teamMember = ObjectShape(name: "TeamMember", summary: "A person on the team and the state of their access.", properties: [
        Property("kind", .string(allowed: ["TeamMember"]), required: true),
        Property("id", memberID, required: true, "Unique id, such as ana.lopez."),
        Property("name", .string(), required: true), Property("email", .nullable(.string())),
        Property("status", .string(allowed: ["candidate", "onboarding", "active", "offboarding", "offboarded"]), required: true),
        Property("employee_id", .nullable(.string()), "The person's id in the HR system, which links their Employment record."),
        Property("accounts", .nullable(.dictionary(.oneOf([.string(), .list(.string())]))),
                 "The person's accounts by system, each a login or native id or a list of them: {github: dana-k, aws: [dana, dana-admin]}."),
        Property("title", .nullable(.string())),
        Property("roles", .nullable(.list(.string())), "Responsibilities: security-owner, it-admin."),
        Property("role_changes", .nullable(.list(.object(roleChange))), "Changes of job role (title), oldest first: grants held before one are removed or reviewed again."),
        Property("location", .nullable(.object(ObjectShape(name: "location", summary: "Where the person works.", properties: [
            Property("city", .nullable(.string())), Property("country", .nullable(.string())),
        ])))),
        Property("engagement", .nullable(.object(ObjectShape(name: "engagement", summary: "How the person is engaged.", properties: [
            Property("model", .string(allowed: ["direct", "eor", "staff-augmentation", "contractor"]), required: true),
            Property("vendor", .nullable(.string()), "Vendor id; required unless the model is direct."),
            Property("start", date), Property("end", date),
        ])))),
        Property("security_owner", .nullable(.string()), "TeamMember id of the accountable security owner."),
        Property("identity", .nullable(.object(ObjectShape(name: "identity", summary: "Sign-in and credentials.", properties: [
            Property("sso", flag), Property("idp_id", .nullable(.string()), "The person's user id in the identity provider (Okta, Entra ID or Google Workspace user id)."),
            Property("mfa", .nullable(.list(.string(allowed: ["sms", "totp", "push", "webauthn"]))), "The MFA methods enrolled now (a method removed is left out)."),
            evidence("last_login"), Property("credentials_issued", date, "When the first credential was issued."),
        ])))),
        Property("checks", .nullable(.object(ObjectShape(name: "checks", summary: "Screening and training evidence.", properties: [
            Property("background", .nullable(.object(ObjectShape(name: "background", summary: "Background check.", properties: [
                Property("status", .string(allowed: ["pending", "passed", "failed"]), required: true), evidence("date"),
            ])))),
            Property("security_training", .nullable(.object(ObjectShape(name: "security_training", summary: "Security awareness training.", properties: [
                evidence("completed"), Property("expires", date),
            ])))),
            evidence("policies_acknowledged"),
        ])))),
        Property("devices", .nullable(.list(.object(device)))),
        Property("access", .nullable(.list(.object(grant)))),
        Property("contract", .nullable(.object(ObjectShape(name: "contract", summary: "The signed contract and its clauses.", properties: [
            evidence("signed"), Property("clauses", .nullable(.object(clauses))),
        ])))),
        Property("offboarding", .nullable(.object(ObjectShape(name: "offboarding", summary: "Exit evidence, from status offboarding on.", properties: [
            Property("exit", date), evidence("access_revoked"), Property("assets_returned", flag), Property("devices_wiped", flag),
            Property("ticket", .nullable(.string()), "The offboarding ticket that records the revocations, the asset return and the wipe."),
        ])))),
    ])

    static let device = ObjectShape(name: "device", summary: "A device the person uses for work.", properties: [
        Property("id", .string(), required: true),
        Property("serial", .nullable(.string()), "The hardware serial number, which links the device to a device manager's export (`sources:`)."),
        Property("managed", flag), Property("encrypted", flag), Property("endpoint_protection", flag),
        Property("auto_updates", flag), evidence("last_patched"),
        Property("screen_lock_minutes", .nullable(.integer), "Minutes of inactivity after which the screen locks and needs the user to unlock; null when no lock is enforced."),
        Property("password_manager", flag, "Whether the company password manager is installed and signed in."),
    ], identity: ["id"])

    static let roleChange = ObjectShape(name: "role change", summary: "A change of job role.", properties: [
        Property("date", .timestamp, required: true, evidence: true), Property("from", .string(), required: true), Property("to", .string(), required: true),
    ])

    static let grant = ObjectShape(name: "grant", summary: "Access to one resource of one system.", properties: [
        Property("system", .string(), required: true), Property("resource", .string(), required: true), Property("role", .string(), required: true),
        Property("environment", .string(allowed: ["production", "staging", "development", "corporate"]), required: true),
        evidence("granted"), Property("approved_by", .nullable(.string())), evidence("approved", "When the approver approved the grant."),
        Property("ticket", .nullable(.string()), "The IT ticket it was provisioned through."),
        Property("credential", .nullable(.string(allowed: ["sso", "short-lived", "static-key", "password"]))),
        Property("expires", date),
        Property("last_review", .nullable(.object(ObjectShape(name: "review", summary: "The latest access review.", properties: [
            Property("date", .timestamp, required: true, evidence: true), Property("reviewer", .nullable(.string())),
            Property("decision", .nullable(.string(allowed: ["keep", "revoke", "reduce"])), "keep, revoke (remove the grant) or reduce (a lesser role)."),
            evidence("reduced", "When a reduce decision was carried out in the system."),
        ])))),
        evidence("revoked"),
    ], identity: ["system", "resource", "role"])

    static let clauses = ObjectShape(name: "clauses", summary: "Contract clauses.", properties: [
        Property("ip_assignment", .nullable(.object(ObjectShape(name: "ip_assignment", summary: "Intellectual property assignment.", properties: [
            Property("signed", flag), Property("covers", .nullable(.list(.string()))),
        ])))),
        Property("confidentiality", .nullable(.object(ObjectShape(name: "confidentiality", summary: "Confidentiality.", properties: [
            Property("signed", flag), Property("survives_termination", flag),
            evidence("date", "When the confidentiality agreement (NDA) was signed, when apart from the contract; else the contract's date counts."),
        ])))),
        Property("security_obligations", .nullable(.object(ObjectShape(name: "security_obligations", summary: "Security obligations.", properties: [
            Property("device_control", flag), Property("access_management", flag), Property("incident_notification_hours", .nullable(.integer)),
        ])))),
        Property("termination", .nullable(.object(ObjectShape(name: "termination", summary: "Termination mechanics.", properties: [
            Property("notice_days", .nullable(.integer)), Property("transition_support", flag), Property("return_of_assets", flag),
            Property("access_revocation", .nullable(.string())),
        ])))),
        Property("service_expectations", .nullable(.object(ObjectShape(name: "service_expectations", summary: "Service expectations.", properties: [
            Property("availability", flag), Property("communication_cadence", .nullable(.string())), Property("quality_standards", flag),
        ])))),
    ])

    /// A company that employs or supplies people: an Employer of Record, a staffing partner, an agency.
    public static let vendor = ObjectShape(name: "Vendor", summary: "A company that employs or supplies team members.", properties: [
        Property("kind", .string(allowed: ["Vendor"]), required: true), Property("id", .string(), required: true),
        Property("name", .string(), required: true),
        Property("type", .string(allowed: ["employer-of-record", "staffing-partner", "contractor-agency"]), required: true),
        Property("touches", .nullable(.list(.string(allowed: ["code", "data", "credentials"])))),
        evidence("last_security_audit"), Property("ip_assignment_flowdown", flag),
        evidence("due_diligence_completed", "When the due diligence before the vendor's first placement (security and legal review) was completed."),
    ])

    /// A source code repository, in GitHub's terms: its owner, how its default branch is protected,
    /// secret scanning, and who can push to it.
    public static let repository = ObjectShape(name: "Repository", summary: "A source code repository: its owner, default-branch protection, secret scanning and who can push.", properties: [
        Property("kind", .string(allowed: ["Repository"]), required: true),
        Property("id", .pattern("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", description: "owner/name, such as acme/payments-api"), required: true,
                 "The repository as its host names it: owner/name (GitHub's full_name)."),
        Property("owner", .nullable(.string()), "TeamMember id of the person accountable for the repository."),
        Property("visibility", .nullable(.string(allowed: ["public", "private", "internal"]))),
        Property("archived", flag, "Read-only on the host: nobody can push, so the source-control rules leave it out."),
        Property("touched_by_team", flag, "Whether the team works in it; absent counts as yes, and so does write access held by a loaded member."),
        Property("default_branch", .nullable(.string()), "The branch pull requests merge into, such as main."),
        Property("branch_protection", .nullable(.object(branchProtection)), "The protection of the default branch (a branch protection rule or a ruleset); null: unprotected."),
        Property("security_and_analysis", .nullable(.object(ObjectShape(name: "security_and_analysis", summary: "Secret scanning settings.", properties: [
            Property("secret_scanning", .nullable(.string(allowed: ["enabled", "disabled"])), "Secrets committed to the repository are detected and alerted on."),
            Property("secret_scanning_push_protection", .nullable(.string(allowed: ["enabled", "disabled"])), "A push that contains a secret is blocked."),
        ]))), "Secret scanning settings, as GitHub's security_and_analysis names them."),
        Property("access", .nullable(.list(.object(repositoryGrant))), "Who can push or administer: collaborators and team members, by TeamMember id."),
    ])

    static let branchProtection = ObjectShape(name: "branch_protection", summary: "How the default branch is protected.", properties: [
        Property("required_pull_request_reviews", .nullable(.object(ObjectShape(name: "required_pull_request_reviews", summary: "Reviews a pull request needs before it merges; null: changes need no pull request.", properties: [
            Property("required_approving_review_count", .nullable(.integer), "How many approvals a pull request needs."),
            Property("require_code_owner_reviews", flag, "A code owner of the changed files must approve."),
            Property("dismiss_stale_reviews", flag, "Approvals are dismissed when new commits are pushed."),
        ]))), "Reviews a pull request needs before it merges; null: changes need no pull request."),
        Property("enforce_admins", flag, "Administrators are held to the protection too (nobody bypasses it)."),
        Property("allow_force_pushes", flag, "Force pushes to the branch are allowed (history can be rewritten)."),
        Property("allow_deletions", flag, "The branch can be deleted."),
    ])

    static let repositoryGrant = ObjectShape(name: "repository grant", summary: "One person's permission on the repository.", properties: [
        Property("member", .string(), required: true, "TeamMember id."),
        Property("permission", .string(allowed: ["read", "triage", "write", "maintain", "admin"]), required: true),
        Property("via", .nullable(.string()), "The team it comes through, or null when granted directly."),
    ], identity: ["member", "permission"])

    /// A system in the inventory: what data it holds and where its access and admin logs go.
    public static let system = ObjectShape(name: "System", summary: "A system in the inventory: what data it holds and where its access and admin logs go.", properties: [
        Property("kind", .string(allowed: ["System"]), required: true),
        Property("id", .string(), required: true, "The system's name as grants and manifests spell it, such as aws."),
        Property("name", .string(), required: true), Property("owner", .nullable(.string()), "TeamMember id of the system owner."),
        Property("data", .nullable(.list(.string(allowed: ["production", "personal", "customer", "financial", "source-code", "internal"]))),
                 "What the system holds."),
        Property("logs", .nullable(.object(ObjectShape(name: "logs", summary: "Where the system's audit events go.", properties: [
            Property("access", .nullable(.string()), "The log sign-ins and access events are shipped to; null: kept only in the system."),
            Property("admin_actions", .nullable(.string()), "The log administrative actions (settings, roles, users) are shipped to; null: kept only in the system."),
            Property("retention_days", .nullable(.integer), "How many days the central log keeps the events."),
            evidence("verified", "When an event from the system was last seen arriving in the central log."),
        ]))), "Where the system's access and admin events go, and for how long they are kept."),
    ])

    /// A workflow that uses an AI model: the datasets it reads, what its prompts carry, the models it produces.
    public static let aiWorkflow = ObjectShape(name: "AIWorkflow", summary: "A workflow that uses an AI model: its datasets, its prompts and the models it produces.", properties: [
        Property("kind", .string(allowed: ["AIWorkflow"]), required: true),
        Property("id", .string(), required: true), Property("name", .string(), required: true),
        Property("owner", .nullable(.string()), "TeamMember id of the person accountable for the workflow."),
        Property("provider", .nullable(.string()), "Who runs the model: a vendor's hosted service, or self-hosted."),
        Property("datasets", .nullable(.list(.object(ObjectShape(name: "dataset", summary: "A dataset the workflow reads, for training, evaluation or retrieval.", properties: [
            Property("id", .string(), required: true),
            Property("classification", .nullable(.string(allowed: classifications)), "The data classification of the dataset."),
            Property("personal_data", flag), Property("purpose", .nullable(.string()), "What the dataset is used for, as approved."),
            Property("approved_by", .nullable(.string()), "TeamMember id of who approved the use."), evidence("approved"),
        ], identity: ["id"])))), "The datasets the workflow reads."),
        Property("prompts", .nullable(.object(ObjectShape(name: "prompts", summary: "What the workflow sends to the model and what the provider keeps.", properties: [
            Property("contains", .nullable(.list(.string(allowed: ["personal-data", "secrets", "confidential", "source-code"]))),
                     "Sensitive content prompts may carry; an empty list: none."),
            Property("approved_by", .nullable(.string()), "TeamMember id of who approved sending that content."), evidence("approved"),
            Property("provider_retention_days", .nullable(.integer), "How many days the provider keeps prompts, outputs and their logs; 0: not kept."),
            Property("provider_trains_on_data", flag, "Whether the provider may train its models on them."),
        ]))), "What prompts may carry and what the provider keeps."),
        Property("models", .nullable(.list(.object(ObjectShape(name: "model", summary: "A model artefact the workflow produces or fine-tunes.", properties: [
            Property("id", .string(), required: true),
            Property("registry", .nullable(.string()), "The model registry holding the artefact; null: stored elsewhere."),
            Property("version", .nullable(.string())), Property("owner", .nullable(.string()), "TeamMember id of the artefact's owner."),
            Property("access", .nullable(.string(allowed: ["restricted", "organization", "public"])), "Who can read or change it: named people only, the whole organisation, or anyone."),
        ], identity: ["id"])))), "The model artefacts the workflow produces or fine-tunes."),
    ])

    static let classifications = ["public", "internal", "confidential", "restricted"]

    /// The file a CI gate guards: who gets what on one system, as code.
    public static let accessManifest = ObjectShape(name: "AccessManifest", summary: "Who gets what on one system, as code.", properties: [
        Property("kind", .string(allowed: ["AccessManifest"]), required: true), Property("id", .string(), required: true),
        Property("system", .string(), required: true), Property("owner", .nullable(.string()), "TeamMember id of the system owner."),
        Property("grants", .nullable(.list(.object(ObjectShape(name: "manifest grant", summary: "One grant.", properties: [
            Property("member", .string(), required: true), Property("resource", .string(), required: true), Property("role", .string(), required: true),
            Property("environment", .string(allowed: ["production", "staging", "development", "corporate"]), required: true),
            Property("ticket", .nullable(.string())), Property("expires", date),
        ], identity: ["member", "resource", "role"]))))),
    ])
}
