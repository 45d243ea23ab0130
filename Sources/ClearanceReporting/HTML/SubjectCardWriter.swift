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
        html += """
                      <h5>Accounts observed in the sources</h5>
                      <table class="data accounts">
                        <thead><tr><th scope="col">System</th><th scope="col">Account</th><th scope="col">Status</th><th scope="col">MFA</th><th scope="col">Last seen</th><th scope="col">Record</th></tr></thead>
                        <tbody>

            """
        for account in accounts {
            html += "              <tr><td>"
            escaped(account.system)
            html += "</td><td><code>"
            escaped(account.name)
            html += "</code>"
            if account.privileged { html += " <span class=\"muted\">administrator</span>" }
            cells(account.status, account.mfa, account.lastSeen)
            html += "<td><code>"
            escaped(account.location)
            html += "</code></td></tr>\n"
        }
        html += "            </tbody>\n          </table>\n"
    }

    private mutating func devices(_ devices: [SubjectChecklist.Device]) {
        html += """
                      <h5>Devices observed in the sources</h5>
                      <table class="data devices">
                        <thead><tr><th scope="col">System</th><th scope="col">Device</th><th scope="col">State</th><th scope="col">OS version</th><th scope="col">Last check-in</th><th scope="col">Record</th></tr></thead>
                        <tbody>

            """
        for device in devices {
            html += "              <tr><td>"
            escaped(device.system)
            html += "</td><td><code>"
            escaped(device.label)
            html += "</code>"
            if device.personal { html += " <span class=\"muted\">personal</span>" }
            cells(device.state, device.osVersion, device.lastCheckin)
            html += "<td><code>"
            escaped(device.location)
            html += "</code></td></tr>\n"
        }
        html += "            </tbody>\n          </table>\n"
    }

    /// Closes the second cell of a row and writes three plain cells.
    private mutating func cells(_ values: String...) {
        html += "</td>"
        for value in values {
            html += "<td>"
            escaped(value)
            html += "</td>"
        }
    }

    private mutating func escaped(_ value: String) {
        HTMLEscaping.append(value, to: &html)
    }
}
