/// Writes the page's checklists: each group's heading and one card per subject (a ``SubjectChecklist``), every value
/// escaped by ``HTMLEscaping``. Written directly, not through Mustache, because a large organisation's page is mostly
/// these cards.
struct SubjectCardWriter {
    /// The text written so far.
    private(set) var html = ""

    /// Empties the text written so far and returns it.
    mutating func take() -> String {
        defer { html = "" }
        return html
    }

    /// The opening of a group: its `<div>` and heading.
    mutating func openGroup(_ group: SubjectGroup) {
        html += "    <div class=\"subject-group\" id=\""
        escaped(group.groupAnchor)
        html += "\">\n      <h3>"
        escaped(group.groupTitle)
        html += " <span class=\"group-summary\">"
        escaped(group.groupSummary)
        html += "</span></h3>\n"
    }

    /// The end of a group.
    mutating func closeGroup() {
        html += "    </div>\n"
    }

    /// One subject's card: who, the gate verdict, open items, and the full checklist in a `<details>`.
    mutating func write(_ card: SubjectChecklist) {
        html += "      <article class=\"subject "
        escaped(card.state)
        html += "\" id=\""
        escaped(card.anchor)
        html += "\" data-search=\""
        escaped(card.search)
        html += "\">\n        <header class=\"subject-head\">\n          <div>\n            <h4>"
        escaped(card.displayName)
        if card.showID {
            html += " <span class=\"subject-id\">"
            escaped(card.subjectID)
            html += "</span>"
        }
        html += "</h4>\n            <p class=\"facts\">"
        if let status = card.statusLabel {
            html += "<span class=\"status\">"
            escaped(status)
            html += "</span> "
        }
        escaped(card.facts)
        html += "</p>\n          </div>\n          <div class=\"subject-badges\">\n"
        if let gate = card.gate {
            html += "            <span class=\"badge tone-"
            escaped(gate.gateTone)
            html += "\">"
            escaped(gate.gateLabel)
            html += "</span>\n"
        }
        html += "            <span class=\"tally\" title=\""
        escaped(card.tallyWords)
        html += "\">"
        escaped(card.tally)
        html += "</span>\n          </div>\n        </header>\n"
        if card.hasOpenItems { openItems(card.openItems) }
        html += "        <details class=\"checklist\">\n          <summary>Full checklist · \(card.ruleCount) rules"
        for count in [card.accountCount, card.deviceCount] {
            guard let count else { continue }
            html += " · "
            escaped(count)
        }
        html += " · <code>"
        escaped(card.file)
        html += "</code></summary>\n"
        for section in card.sections { checks(section) }
        if card.hasAccounts { accounts(card.accounts) }
        if card.hasDevices { devices(card.devices) }
        html += "        </details>\n      </article>\n"
    }

    private mutating func openItems(_ items: [SubjectChecklist.OpenItem]) {
        html += "        <ul class=\"open-items\">\n"
        for item in items {
            html += "          <li class=\"tone-"
            escaped(item.mark.tone)
            html += "\">\n            <span class=\"mark\" aria-hidden=\"true\">"
            escaped(item.mark.symbol)
            html += "</span>\n            <div>\n              <p><span class=\"visually-hidden\">"
            escaped(item.mark.label)
            html += ":</span> <code class=\"rule\">"
            escaped(item.ruleID)
            html += "</code> <span class=\"sev\">"
            escaped(item.severity)
            html += "</span> "
            escaped(item.message)
            html += "</p>\n              <p class=\"where\"><code>"
            escaped(item.location)
            html += "</code>"
            if let element = item.element {
                html += " · <code>"
                escaped(element)
                html += "</code>"
            }
            html += " · "
            escaped(item.ruleTitle)
            if let note = item.waiverNote {
                html += " · <span class=\"waiver-note\">"
                escaped(note)
                html += "</span>"
            }
            html += "</p>\n            </div>\n          </li>\n"
        }
        html += "        </ul>\n"
    }

    private mutating func checks(_ section: SubjectChecklist.Section) {
        html += "          <h5>"
        escaped(section.heading)
        if let note = section.sectionNote {
            html += " <span class=\"muted\">"
            escaped(note)
            html += "</span>"
        }
        html += "</h5>\n          <ul class=\"checks\">\n"
        for check in section.checks {
            html += "            <li class=\"tone-"
            escaped(check.mark.tone)
            html += "\"><span class=\"mark\" aria-hidden=\"true\">"
            escaped(check.mark.symbol)
            html += "</span><span class=\"visually-hidden\">"
            escaped(check.mark.label)
            html += ":</span> <code>"
            escaped(check.checkID)
            html += "</code> "
            escaped(check.checkTitle)
            if let scope = check.scope {
                html += " <span class=\"muted\">("
                escaped(scope)
                html += ")</span>"
            }
            html += "</li>\n"
        }
        html += "          </ul>\n"
    }

    private mutating func accounts(_ accounts: [SubjectChecklist.Account]) {
        observedTable("Accounts observed in the sources", kind: "accounts", columns: ["System", "Account", "Status", "MFA", "Last seen", "Record"],
                      rows: accounts.map { account in
                          ObservedRow(system: account.system, name: account.name, note: account.privileged ? "administrator" : nil,
                                      cells: [account.status, account.mfa, account.lastSeen], location: account.location)
                      })
    }

    private mutating func devices(_ devices: [SubjectChecklist.Device]) {
        observedTable("Devices observed in the sources", kind: "devices", columns: ["System", "Device", "State", "OS version", "Last check-in", "Record"],
                      rows: devices.map { device in
                          ObservedRow(system: device.system, name: device.label, note: device.personal ? "personal" : nil,
                                      cells: [device.state, device.osVersion, device.lastCheckin], location: device.location)
                      })
    }

    /// One row of a table of what the sources observed: the system, a name in code (with a note), three cells and the record.
    private struct ObservedRow {
        let system: String
        let name: String
        let note: String?
        let cells: [String]
        let location: String
    }

    /// A heading and a table of observed accounts or devices.
    private mutating func observedTable(_ heading: String, kind: String, columns: [String], rows: [ObservedRow]) {
        html += "          <h5>\(heading)</h5>\n          <table class=\"data \(kind)\">\n            <thead><tr>"
        for column in columns { html += "<th scope=\"col\">\(column)</th>" }
        html += "</tr></thead>\n            <tbody>\n"
        for row in rows {
            html += "              <tr><td>"
            escaped(row.system)
            html += "</td><td><code>"
            escaped(row.name)
            html += "</code>"
            if let note = row.note { html += " <span class=\"muted\">\(note)</span>" }
            html += "</td>"
            for cell in row.cells {
                html += "<td>"
                escaped(cell)
                html += "</td>"
            }
            html += "<td><code>"
            escaped(row.location)
            html += "</code></td></tr>\n"
        }
        html += "            </tbody>\n          </table>\n"
    }

    private mutating func escaped(_ value: String) {
        HTMLEscaping.append(value, to: &html)
    }
}
