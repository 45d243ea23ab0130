import Mustache

// How the templates read the models met once per rule, control, chart and file read (``MustacheParent``): by name, as the
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
        case "waivers": waivers
        case "hasWaivers": hasWaivers
        case "baseline": baseline
        case "evidence": evidence
        case "history": history
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

extension EvidenceSection.File: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "role": role
        case "path": path
        case "size": size
        case "sha256": sha256
        default: nil
        }
    }
}
