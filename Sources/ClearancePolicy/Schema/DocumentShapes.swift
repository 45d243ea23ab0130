/// The shapes of the documents Clearance reads, as DESIGN.md describes them.
public enum DocumentShapes {
    static let date = Shape.nullable(.timestamp)
    static let flag = Shape.nullable(.boolean)
    static let memberID = Shape.pattern("^[a-z0-9._-]+$", description: "an id of lowercase letters, digits, '.', '_' and '-'")

    /// A person on the team: identity, checks, devices, access grants, contract, offboarding.
    public static let teamMember = ObjectShape(name: "TeamMember", summary: "A person on the team and the state of their access.", properties: [
        Property("kind", .string(allowed: ["TeamMember"]), required: true),
        Property("id", memberID, required: true, "Unique id, such as ana.lopez."),
        Property("name", .string()), Property("email", .string()),
        Property("status", .string(allowed: ["candidate", "onboarding", "active", "offboarding", "offboarded"])),
        Property("title", .string()),
        Property("roles", .nullable(.list(.string())), "Responsibilities: security-owner, it-admin."),
        Property("location", .nullable(.object(ObjectShape(name: "location", summary: "Where the person works.", properties: [
            Property("city", .string()), Property("country", .string()),
        ])))),
        Property("engagement", .nullable(.object(ObjectShape(name: "engagement", summary: "How the person is engaged.", properties: [
            Property("model", .string(allowed: ["direct", "eor", "staff-augmentation", "contractor"])),
            Property("vendor", .nullable(.string()), "Vendor id; required unless the model is direct."),
            Property("start", date), Property("end", date),
        ])))),
        Property("security_owner", .nullable(.string()), "TeamMember id of the accountable security owner."),
        Property("identity", .nullable(.object(ObjectShape(name: "identity", summary: "Sign-in and credentials.", properties: [
            Property("sso", flag), Property("mfa", .nullable(.list(.string(allowed: ["sms", "totp", "push", "webauthn"])))),
            Property("last_login", date), Property("credentials_issued", date, "When the first credential was issued."),
        ])))),
        Property("checks", .nullable(.object(ObjectShape(name: "checks", summary: "Screening and training evidence.", properties: [
            Property("background", .nullable(.object(ObjectShape(name: "background", summary: "Background check.", properties: [
                Property("status", .string(allowed: ["pending", "passed", "failed"])), Property("date", date),
            ])))),
            Property("security_training", .nullable(.object(ObjectShape(name: "security_training", summary: "Security awareness training.", properties: [
                Property("completed", date), Property("expires", date),
            ])))),
            Property("policies_acknowledged", date),
        ])))),
        Property("devices", .nullable(.list(.object(device)))),
        Property("access", .nullable(.list(.object(grant)))),
        Property("contract", .nullable(.object(ObjectShape(name: "contract", summary: "The signed contract and its clauses.", properties: [
            Property("signed", date), Property("clauses", .nullable(.object(clauses))),
        ])))),
        Property("offboarding", .nullable(.object(ObjectShape(name: "offboarding", summary: "Exit evidence, from status offboarding on.", properties: [
            Property("exit", date), Property("access_revoked", date), Property("assets_returned", flag), Property("devices_wiped", flag),
        ])))),
    ])

    static let device = ObjectShape(name: "device", summary: "A device the person uses for work.", properties: [
        Property("id", .string()), Property("managed", flag), Property("encrypted", flag), Property("endpoint_protection", flag),
        Property("auto_updates", flag), Property("last_patched", date),
    ], identity: ["id"])

    static let grant = ObjectShape(name: "grant", summary: "Access to one resource of one system.", properties: [
        Property("system", .string()), Property("resource", .nullable(.string())), Property("role", .nullable(.string())),
        Property("environment", .string(allowed: ["production", "staging", "development", "corporate"])),
        Property("granted", date), Property("approved_by", .nullable(.string())),
        Property("ticket", .nullable(.string()), "The IT ticket it was provisioned through."),
        Property("credential", .nullable(.string(allowed: ["sso", "short-lived", "static-key", "password"]))),
        Property("expires", date),
        Property("last_review", .nullable(.object(ObjectShape(name: "review", summary: "The latest access review.", properties: [
            Property("date", date), Property("reviewer", .nullable(.string())),
            Property("decision", .nullable(.string(allowed: ["keep", "revoke", "reduce"]))),
        ])))),
        Property("revoked", date),
    ], identity: ["system", "resource", "role"])

    static let clauses = ObjectShape(name: "clauses", summary: "Contract clauses.", properties: [
        Property("ip_assignment", .nullable(.object(ObjectShape(name: "ip_assignment", summary: "Intellectual property assignment.", properties: [
            Property("signed", flag), Property("covers", .nullable(.list(.string()))),
        ])))),
        Property("confidentiality", .nullable(.object(ObjectShape(name: "confidentiality", summary: "Confidentiality.", properties: [
            Property("signed", flag), Property("survives_termination", flag),
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
        Property("name", .string()),
        Property("type", .string(allowed: ["employer-of-record", "staffing-partner", "contractor-agency"])),
        Property("touches", .nullable(.list(.string(allowed: ["code", "data", "credentials"])))),
        Property("last_security_audit", date), Property("ip_assignment_flowdown", flag),
    ])

    /// The file a CI gate guards: who gets what on one system, as code.
    public static let accessManifest = ObjectShape(name: "AccessManifest", summary: "Who gets what on one system, as code.", properties: [
        Property("kind", .string(allowed: ["AccessManifest"]), required: true), Property("id", .string(), required: true),
        Property("system", .string()), Property("owner", .nullable(.string()), "TeamMember id of the system owner."),
        Property("grants", .nullable(.list(.object(ObjectShape(name: "manifest grant", summary: "One grant.", properties: [
            Property("member", .string()), Property("resource", .nullable(.string())), Property("role", .nullable(.string())),
            Property("environment", .string(allowed: ["production", "staging", "development", "corporate"])),
            Property("ticket", .nullable(.string())), Property("expires", date),
        ], identity: ["member", "resource", "role"]))))),
    ])
}
