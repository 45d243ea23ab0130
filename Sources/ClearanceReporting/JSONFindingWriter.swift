import ClearanceCore
import ClearanceEngine
import ClearancePolicy

/// Writes findings as the JSON report prints them (``JSONReporter/finding(_:baseline:)`` printed ``JSONText/pretty`` two
/// levels in), the same bytes, without building a tree: a first audit writes millions. What every finding of a rule
/// prints alike (`rule`, `policy`, `severity`, `controls`) is printed once per rule, and a file's quoted path once for the
/// findings that follow one another in it.
struct JSONFindingWriter {
    /// The members that every finding of one rule prints alike.
    private struct RuleText {
        /// The rule, held so that its object identifier (the key it is found by) stays its own.
        let rule: RuleInfo
        /// From the finding's `{` through its `severity`.
        let head: [UInt8]
        /// `controls` with the separator before it.
        let controls: [UInt8]
    }

    private let baseline: BaselineComparison?
    private var rules: [ObjectIdentifier: RuleText] = [:]
    private var lastFile: (path: String, quoted: [UInt8])?

    /// A writer of findings compared with `baseline`, if any.
    init(baseline: BaselineComparison?) {
        self.baseline = baseline
    }

    /// Appends one finding.
    mutating func write(_ finding: Finding, into text: inout JSONBytes) {
        // Members stand three levels in (six spaces), the location's and waiver's four (eight); every name is plain ASCII.
        func string(_ name: StaticString, _ value: String) {
            text.raw(",\n      \"")
            text.raw(name)
            text.raw("\": ")
            text.quote(value)
        }
        let ruleText = self.ruleText(finding.rule)
        text.raw(ruleText.head)
        string("status", finding.status.rawValue)
        string("subject", finding.subject)
        string("kind", finding.kind.rawValue)
        if let element = finding.element { string("element", element) }
        string("message", finding.message)
        text.raw(ruleText.controls)
        text.raw(",\n      \"location\": {\n        \"file\": ")
        if let lastFile, lastFile.path == finding.location.file {
            text.raw(lastFile.quoted)
        } else {
            var quoted = JSONBytes(capacity: finding.location.file.utf8.count + 2)
            quoted.quote(finding.location.file)
            let bytes = quoted.bytes
            text.raw(bytes)
            lastFile = (finding.location.file, bytes)
        }
        text.raw(",\n        \"line\": ")
        text.int(finding.location.line)
        text.raw(",\n        \"column\": ")
        text.int(finding.location.column)
        text.raw("\n      }")
        if finding.status == .waived, let waiver = finding.waiver {
            text.raw(",\n      \"waiver\": {\n        \"id\": ")
            text.quote(waiver.id)
            text.raw(",\n        \"justification\": ")
            text.quote(waiver.justification)
            text.raw(",\n        \"approvedBy\": ")
            text.quote(waiver.approvedBy)
            text.raw(",\n        \"expires\": ")
            text.quote(waiver.expiresText)
            text.raw("\n      }")
        }
        // A fingerprint is lowercase hexadecimal: nothing in it is escaped.
        text.raw(",\n      \"fingerprint\": \"")
        finding.withFingerprint { text.hex($0) }
        text.raw("\"")
        if let baseline, finding.status.isFailing { string("baseline", baseline.isBaselined(finding) ? "unchanged" : "new") }
        text.raw("\n    }")
    }

    /// The members every finding of `rule` prints alike, printed the first time they are asked for.
    private mutating func ruleText(_ rule: RuleInfo) -> RuleText {
        if let known = rules[ObjectIdentifier(rule)] { return known }
        var head = JSONBytes()
        head.raw("{\n      \"rule\": ")
        head.quote(rule.id)
        head.raw(",\n      \"policy\": ")
        head.quote(rule.policyID)
        head.raw(",\n      \"severity\": ")
        head.quote(rule.severity.rawValue)
        var controls = JSONBytes()
        controls.raw(",\n      \"controls\": [")
        for (index, control) in rule.controls.enumerated() {
            if index > 0 { controls.raw(", ") }
            controls.quote(control.description)
        }
        controls.raw("]")
        let made = RuleText(rule: rule, head: head.bytes, controls: controls.bytes)
        rules[ObjectIdentifier(rule)] = made
        return made
    }
}
