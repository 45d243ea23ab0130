import Mustache

// How the templates read the models met once per person, rule and finding (``MustacheParent``): by name, as the
// templates spell them, without reflection. Without these, every `{{name}}` was looked up through `Mirror`, most of the
// time of a large report. Each lists every stored property of its type; a name it does not list is looked up further
// out, as before.

extension HTMLReportModel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "cards": cards
        case "chartColumns": chartColumns
        case "legend": legend
        case "frameworks": frameworks
        case "filters": filters
        case "groups": groups
        case "waivers": waivers
        case "hasWaivers": hasWaivers
        case "baseline": baseline
        case "evidence": evidence
        case "history": history
        default: nil
        }
    }
}

extension SubjectGroup: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "groupTitle": groupTitle
        case "groupAnchor": groupAnchor
        case "subjects": subjects
        case "groupSummary": groupSummary
        default: nil
        }
    }
}

extension SubjectChecklist: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": anchor
        case "displayName": displayName
        case "subjectID": subjectID
        case "showID": showID
        case "statusLabel": statusLabel
        case "facts": facts
        case "file": file
        case "state": state
        case "needsAttention": needsAttention
        case "gate": gate
        case "tally": tally
        case "tallyWords": tallyWords
        case "openItems": openItems
        case "hasOpenItems": hasOpenItems
        case "sections": sections
        case "ruleCount": ruleCount
        case "accounts": accounts
        case "hasAccounts": hasAccounts
        case "accountCount": accountCount
        case "devices": devices
        case "hasDevices": hasDevices
        case "deviceCount": deviceCount
        case "search": search
        default: nil
        }
    }
}

extension SubjectChecklist.OpenItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "mark": mark
        case "ruleID": ruleID
        case "ruleTitle": ruleTitle
        case "severity": severity
        case "message": message
        case "location": location
        case "element": element
        case "waiverNote": waiverNote
        default: nil
        }
    }
}

extension SubjectChecklist.Section: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "sectionNote": sectionNote
        case "checks": checks
        default: nil
        }
    }
}

extension SubjectChecklist.Check: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "mark": mark
        case "checkID": checkID
        case "checkTitle": checkTitle
        case "scope": scope
        default: nil
        }
    }
}

extension SubjectChecklist.Account: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "system": system
        case "name": self.name
        case "status": status
        case "mfa": mfa
        case "lastSeen": lastSeen
        case "location": location
        case "privileged": privileged
        default: nil
        }
    }
}

extension SubjectChecklist.Device: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "system": system
        case "label": label
        case "state": state
        case "osVersion": osVersion
        case "lastCheckin": lastCheckin
        case "location": location
        case "personal": personal
        default: nil
        }
    }
}

extension SubjectChecklist.Gate: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "state": state
        case "gateLabel": gateLabel
        case "gateTone": gateTone
        default: nil
        }
    }
}

extension CheckMark: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "symbol": symbol
        case "tone": tone
        case "label": label
        default: nil
        }
    }
}
