import ClearanceCore
import ClearancePolicy

/// The files `clearance init` writes: a project file naming the built-in packs, a small consistent team (an engineer
/// placed by a vendor and two security owners, each accountable for the other), that vendor, an access manifest and
/// a README showing a waiver.
///
/// Dates are set relative to `today`, so the fresh project passes every built-in rule on the day it is written.
struct StarterProject {
    /// The day the example's records are dated from.
    let today: CivilTime
    /// The commented `settings:` block listing every built-in pack's params.
    let settings: String

    /// Each file's path inside the project folder and its text, in the order written.
    var files: [(path: String, text: String)] {
        [
            (ProjectConfiguration.fileName, projectFile),
            ("team/sam.rivera.yaml", engineer),
            ("team/riley.chen.yaml", securityOwner(id: "riley.chen", name: "Riley Chen", title: "Head of Security", owner: "alex.kim", device: "LAP-0002", since: 400)),
            ("team/alex.kim.yaml", securityOwner(id: "alex.kim", name: "Alex Kim", title: "Chief Technology Officer", owner: "riley.chen", device: "LAP-0003", since: 700)),
            ("vendors/example-staffing.yaml", vendor),
            ("access/github.yaml", manifest),
            ("systems/github.yaml", system),
            ("repositories/web-app.yaml", repository),
            ("ai/support-triage.yaml", workflow),
            ("README.md", readme),
        ]
    }

    /// The day `offset` days from today, as YAML writes a date.
    func day(_ offset: Int) -> String {
        let days = CivilTime.days(year: today.year, month: today.month, day: today.day) + Int64(offset)
        let (year, month, day) = CivilTime.civil(fromDays: days)
        func padded(_ number: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(number).count)) + String(number) }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    var projectFile: String {
        """
        # The Clearance project file. `clearance audit` here, or in any folder below, checks what it names;
        # paths are relative to this file's folder, and reports name files from it.
        policies: [builtin]          # the packs built into clearance (`clearance explain RULE`); add a folder of your own beside it
        inputs: [team, vendors, access, systems, repositories, ai]
        waivers: []                  # files of approved exceptions, read only from here: see README.md
        waiver_approvers: [security-owner]
        fail_on: low                 # the lowest severity that fails a run: info, low, medium, high, critical
        output: clearance-report     # where `clearance audit` writes its report set

        # Evidence from your systems: exports read as they come out of each vendor's tool, every account linked to a
        # person (a member's `email`, or `accounts: {github: sam-r}`), and checked by the observed-access pack.
        # `clearance sources` lists what each gave and every account nobody claims.
        # sources:
        #   - format: aws-iam-credential-report   # aws iam get-credential-report, the CSV decoded
        #     file: exports/aws-credential-report.csv
        #     scope: "111122223333"
        #     generated_at: 2026-11-19T06:00:00Z
        #   - format: okta-users                  # GET /api/v1/users, with the DEPROVISIONED ones
        #     file: exports/okta-users.json
        #     generated_at: 2026-11-19T06:00:00Z

        \(settings)
        """
    }

    var engineer: String {
        """
        # An engineer placed by a staffing partner. One file per person: copy it for each member of the team.
        # `docs/kinds/team-member.md` in the Clearance repository lists every field.
        kind: TeamMember
        id: sam.rivera
        name: Sam Rivera
        email: sam.rivera@example.com
        status: active
        title: Software Engineer
        roles: []
        location: {city: Mexico City, country: MX}
        engagement:
          model: staff-augmentation
          vendor: example-staffing
          start: \(day(-120))
          end: null
        security_owner: riley.chen
        identity:
          sso: true
          idp_id: idp-sam-rivera             # the person's one identity in the identity provider
          mfa: [webauthn]
          last_login: \(day(-1))T09:00:00Z
          credentials_issued: \(day(-120))T15:00:00Z
        checks:
          background: {status: passed, date: \(day(-130))}
          security_training: {completed: \(day(-125)), expires: \(day(240))}
          policies_acknowledged: \(day(-125))
        devices:
          - id: LAP-0001
            managed: true
            encrypted: true
            endpoint_protection: true
            auto_updates: true
            last_patched: \(day(-3))
            screen_lock_minutes: 5
            password_manager: true
        access:
          - system: github
            resource: example/web-app
            role: write
            environment: development
            granted: \(day(-119))
            approved_by: riley.chen             # the approver, before the grant; someone else reviews it
            approved: \(day(-120))
            ticket: SEC-101
            credential: sso
            expires: null
            last_review: {date: \(day(-20)), reviewer: alex.kim, decision: keep}
            revoked: null
        \(contract(signed: -135))
        """
    }

    /// A security owner: accountable for other members (`security_owner`), approves grants and waivers, reviews access.
    func securityOwner(id: String, name: String, title: String, owner: String, device: String, since: Int) -> String {
        """
        # \(title): holds the security-owner role, so is accountable for the members who name them in
        # `security_owner`, approves grants and waivers, and reviews access.
        kind: TeamMember
        id: \(id)
        name: \(name)
        email: \(id)@example.com
        status: active
        title: \(title)
        roles: [security-owner]
        location: {city: Mexico City, country: MX}
        engagement:
          model: direct
          start: \(day(-since))
          end: null
        security_owner: \(owner)
        identity:
          sso: true
          idp_id: idp-\(id.replacingOccurrences(of: ".", with: "-"))
          mfa: [webauthn]
          last_login: \(day(-1))T10:00:00Z
          credentials_issued: \(day(-since))T15:00:00Z
        checks:
          background: {status: passed, date: \(day(-since - 10))}
          security_training: {completed: \(day(-60)), expires: \(day(305))}
          policies_acknowledged: \(day(-60))
        devices:
          - id: \(device)
            managed: true
            encrypted: true
            endpoint_protection: true
            auto_updates: true
            last_patched: \(day(-2))
            screen_lock_minutes: 5
            password_manager: true
        access: []
        \(contract(signed: -since - 10))
        """
    }

    /// A signed contract whose clauses meet every contract rule, signed `signed` days from today.
    func contract(signed: Int) -> String {
        """
        contract:
          signed: \(day(signed))
          clauses:
            ip_assignment: {signed: true, covers: [code, models, documentation, prompts, datasets, derivative-works]}
            confidentiality: {signed: true, survives_termination: true}
            security_obligations: {device_control: true, access_management: true, incident_notification_hours: 24}
            termination: {notice_days: 30, transition_support: true, return_of_assets: true, access_revocation: same-day}
            service_expectations: {availability: true, communication_cadence: weekly, quality_standards: true}

        """
    }

    var vendor: String {
        """
        # A company that places people with the team. Members name it in `engagement.vendor`.
        kind: Vendor
        id: example-staffing
        name: Example Staffing
        type: staffing-partner
        touches: [code]
        last_security_audit: \(day(-90))     # the date of its latest SOC 2 report or security assessment
        due_diligence_completed: \(day(-400))   # the review before its first placement (security and legal)
        ip_assignment_flowdown: true

        """
    }

    var manifest: String {
        """
        # Who holds what on one system, as code: a pull request that changes it is checked by `clearance check access/`.
        kind: AccessManifest
        id: github
        system: github
        owner: riley.chen
        grants:
          - {member: sam.rivera, resource: example/web-app, role: write, environment: development, ticket: SEC-101}

        """
    }

    var system: String {
        """
        # A system the team uses: what it holds, and where its access and admin events go (the central-logging pack).
        kind: System
        id: github
        name: GitHub (example organisation)
        owner: riley.chen
        data: [source-code]
        logs: {access: central-log, admin_actions: central-log, retention_days: 400, verified: \(day(-7))}

        """
    }

    var repository: String {
        """
        # A repository the team works in: the protection of its default branch and who can push (the source-control pack).
        kind: Repository
        id: example/web-app
        owner: riley.chen
        visibility: private
        touched_by_team: true
        default_branch: main
        branch_protection:
          required_pull_request_reviews: {required_approving_review_count: 1, require_code_owner_reviews: true, dismiss_stale_reviews: true}
          enforce_admins: true
          allow_force_pushes: false
          allow_deletions: false
        security_and_analysis: {secret_scanning: enabled, secret_scanning_push_protection: enabled}
        access:
          - {member: riley.chen, permission: admin}
          - {member: sam.rivera, permission: write}

        """
    }

    var workflow: String {
        """
        # A workflow that uses an AI model: the data it reads, what its prompts may carry, what the provider keeps (the ai-workflows pack).
        kind: AIWorkflow
        id: support-triage
        name: Support ticket triage
        owner: sam.rivera
        provider: example-llm
        datasets:
          - {id: support-tickets, classification: confidential, personal_data: true,
             purpose: Evaluate the triage prompts against labelled tickets, approved_by: riley.chen, approved: \(day(-30))}
        prompts: {contains: [personal-data], approved_by: riley.chen, approved: \(day(-30)),
                  provider_retention_days: 0, provider_trains_on_data: false}
        models: []

        """
    }

    var readme: String {
        """
        # Security and compliance checks

        This folder is a Clearance project: the state of the team (`team/`, one file per person), the vendors that
        place people (`vendors/`), who holds what on each system (`access/`), the systems themselves (`systems/`), the
        repositories the team works in (`repositories/`) and its AI workflows (`ai/`), checked against the policy packs built into `clearance` (`policies: [builtin]` in
        `clearance.yaml`).

        - `clearance audit` checks everything and writes the report set into `clearance-report/`; it exits 0 when
          nothing fails, 1 when something does and 2 when a file is wrong (the message names its line and column).
        - `clearance check team/sam.rivera.yaml` checks one file; `clearance checklist sam.rivera` shows one person's
          checklist; `clearance explain ZT-04` what a rule checks.
        - `settings:` in `clearance.yaml` lists each pack's settings with their defaults, commented out.

        A waiver accepts one rule's failing finding for one person until it expires. Waivers are read only from the
        files listed under `waivers:` in `clearance.yaml` (`waivers: [waivers.yaml]`); each needs a justification, an
        approver holding a role of `waiver_approvers` and an expiry:

        ```yaml
        kind: Waiver
        id: W-001
        rule: ZT-03
        subject: sam.rivera
        justification: Hardware key on its way; TOTP accepted until it arrives
        approved_by: riley.chen
        expires: \(day(30))
        ```

        """
    }
}
