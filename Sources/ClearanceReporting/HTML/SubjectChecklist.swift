import ClearanceCore
import ClearanceEngine

/// One person's (or vendor's, or manifest's) checklist card: who they are, what is open, and every rule that applies
/// to their kind with its mark, the pre-credentials gate first (the HTML wording of a ``Checklist``).
struct SubjectChecklist {
    /// A finding that needs attention: a fail, an error or a waiver, with where it is.
    struct OpenItem {
        let mark: CheckMark
        let ruleID: String
        let ruleTitle: String
        let severity: String
        let message: String
        let location: String
        let element: String?
        let waiverNote: String?
    }

    /// A group of rules: the pre-credentials gate, or one policy.
    struct Section {
        let heading: String
        let sectionNote: String?
        let checks: [Check]
    }

    /// One rule and the subject's outcome for it.
    struct Check {
        let mark: CheckMark
        let checkID: String
        let checkTitle: String
        /// `1 of 3 failing`, for a failing rule with several findings (one per `for_each` element).
        let scope: String?
    }

    /// One account the sources observed for a person.
    struct Account {
        let system: String
        let name: String
        let status: String
        let mfa: String
        let lastSeen: String
        let location: String
        let privileged: Bool
    }

    /// One managed device the sources observed for a person.
    struct Device {
        let system: String
        let label: String
        let state: String
        let osVersion: String
        let lastCheckin: String
        let location: String
        let personal: Bool
    }

    /// The pre-credentials gate's verdict for a person, as ``CredentialsGate`` words it.
    struct Gate {
        let state: CredentialsGate.State
        let gateLabel: String
        let gateTone: String

        init(_ gate: CredentialsGate) {
            state = gate.state
            gateLabel = "Pre-credentials gate: " + gate.verdict
            gateTone = switch gate.state {
            case .cleared: "pass"
            case .blocked: "pending"
            case .breached: "fail"
            case .notApplicable: "skip"
            }
        }
    }

    /// The card's HTML id.
    let anchor: String
    /// The name, or the id when there is no name.
    let displayName: String
    /// The id, shown beside a name.
    let subjectID: String
    /// Whether the id is shown beside a name.
    let showID: Bool
    /// A person's status.
    let statusLabel: String?
    /// Title and city, type, or system and owner, joined.
    let facts: String
    /// The file the document is in.
    let file: String
    /// `attention` when anything fails, errors or is pending, else `clean` (the filters' CSS classes).
    let state: String
    /// Whether ``state`` is `attention`.
    let needsAttention: Bool
    /// A person's gate verdict.
    let gate: Gate?
    /// The outcomes in marks: `28 ✓ · 2 ✗ · 1 ~ · 4 –`.
    let tally: String
    /// The same in words, for screen readers.
    let tallyWords: String
    /// What needs attention, in report order.
    let openItems: [OpenItem]
    /// Whether there is anything open.
    let hasOpenItems: Bool
    /// The checklist, gate first.
    let sections: [Section]
    /// How many rules the checklist shows.
    let ruleCount: Int
    /// A person's accounts as the sources observed them, by system.
    let accounts: [Account]
    /// Whether any account is listed.
    let hasAccounts: Bool
    /// `· 3 accounts observed`, after the rule count, when there are any.
    let accountCount: String?
    /// A person's managed devices as the device managers' exports observed them, by system.
    let devices: [Device]
    /// Whether any device is listed.
    let hasDevices: Bool
    /// `· 2 devices observed`, after the account count, when there are any.
    let deviceCount: String?
    /// Lowercased id, name and facts, for the text filter.
    let search: String

    /// The card of a subject's checklist.
    init(_ checklist: Checklist) {
        func check(_ item: ChecklistItem) -> Check {
            let count = item.outcomeCount
            let failing = item.findings.filter(\.status.isFailing).count
            let scope = count > 1 && failing > 0 ? "\(failing) of \(count) failing" : nil
            return Check(mark: CheckMark(item.status), checkID: item.rule.id, checkTitle: item.rule.title, scope: scope)
        }
        sections = checklist.sections.map { section in
            Section(heading: section.policy?.title ?? "Pre-credentials gate", sectionNote: section.isGate ? "must pass before credentials are issued" : nil,
                    checks: section.items.map(check))
        }
        let items = checklist.items
        var ruleTally = OutcomeTally()
        for item in items { ruleTally.add(item.status ?? .skip) }
        let subject = checklist.subject
        let open = checklist.findings.filter(\.needsAttention).map(Self.openItem)
        let facts = subject.details
        anchor = "subject-" + subject.kind.rawValue.lowercased() + "-" + subject.id
        displayName = subject.name ?? subject.id
        subjectID = subject.id
        showID = subject.name != nil
        statusLabel = subject.status
        self.facts = facts.joined(separator: " · ")
        file = subject.location.file
        needsAttention = checklist.needsAttention
        state = needsAttention ? "attention" : "clean"
        gate = checklist.gate.map(Gate.init)
        tally = [("✓", ruleTally.pass), ("✗", ruleTally.fail), ("…", ruleTally.pending), ("!", ruleTally.error), ("~", ruleTally.waived),
                 ("–", ruleTally.skip)]
            .filter { $0.1 > 0 }.map { "\($0.1) \($0.0)" }.joined(separator: " · ")
        tallyWords = "Rules: " + ruleTally.text
        openItems = open
        hasOpenItems = !open.isEmpty
        ruleCount = items.count
        accounts = checklist.accounts.map { account in
            Account(system: account.system + (account.scope.map { " " + $0 } ?? ""), name: account.name, status: account.status, mfa: account.mfaText,
                    lastSeen: account.lastSeenText, location: account.location.description, privileged: account.privileged == true)
        }
        hasAccounts = !accounts.isEmpty
        accountCount = accounts.isEmpty ? nil : "\(accounts.count) account\(accounts.count == 1 ? "" : "s") observed"
        devices = checklist.devices.map { device in
            Device(system: device.system, label: device.label, state: device.stateText, osVersion: device.osVersion ?? "not reported",
                   lastCheckin: device.lastCheckinText, location: device.location.description, personal: device.ownerType == "personal")
        }
        hasDevices = !devices.isEmpty
        deviceCount = devices.isEmpty ? nil : "\(devices.count) device\(devices.count == 1 ? "" : "s") observed"
        search = ([subject.id] + [subject.name, subject.status].compactMap { $0 } + facts).joined(separator: " ").lowercased()
    }

    /// A finding that needs attention, as the card lists it.
    static func openItem(_ finding: Finding) -> OpenItem {
        let waiverNote = finding.status == .waived ? finding.waiver.map { "waived by \($0.id) until \($0.expiresText)" } : nil
        return OpenItem(mark: CheckMark(finding.status), ruleID: finding.rule.id, ruleTitle: finding.rule.title,
                        severity: finding.rule.severity.rawValue, message: finding.message, location: finding.location.description,
                        element: finding.element, waiverNote: waiverNote)
    }
}
