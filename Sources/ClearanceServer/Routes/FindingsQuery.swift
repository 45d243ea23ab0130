import ClearanceCore
import ClearanceEngine
import ClearancePolicy
import ClearanceReporting

/// `GET /v1/findings`: the snapshot's audit findings that need attention, narrowed by rule, subject, status and severity
/// (each repeatable, any of its values matching) and paged by `offset` and `limit`.
struct FindingsQuery {
    /// The statuses the audit lists: those that need attention.
    static let statuses: [FindingStatus] = [.fail, .error, .waived, .pending]
    /// The page size unless `limit` says otherwise, and the largest it may say.
    static let defaultLimit = 100, maximumLimit = 1000

    var rules: Set<String> = [], subjects: Set<String> = []
    var statuses: Set<FindingStatus> = [], severities: Set<Severity> = []
    var offset = 0, limit = Self.defaultLimit

    /// The query of a request's parameters; an unknown parameter or a value out of range is a 400 naming it.
    init(_ parameters: some Sequence<(key: Substring, value: Substring)>) throws(Problem) {
        for (key, value) in parameters {
            let text = String(value)
            switch key {
            case "rule": rules.insert(text)
            case "subject": subjects.insert(text)
            case "status":
                guard let status = FindingStatus(rawValue: text), Self.statuses.contains(status) else {
                    throw Self.invalid("status", text, expected: "one of " + Self.statuses.map(\.rawValue).joined(separator: ", "))
                }
                statuses.insert(status)
            case "severity":
                guard let severity = Severity(rawValue: text) else {
                    throw Self.invalid("severity", text, expected: "one of " + Severity.allCases.map(\.rawValue).joined(separator: ", "))
                }
                severities.insert(severity)
            case "offset":
                guard let number = Int(text), number >= 0 else { throw Self.invalid("offset", text, expected: "a whole number, 0 or more") }
                offset = number
            case "limit":
                guard let number = Int(text), (1...Self.maximumLimit).contains(number) else {
                    throw Self.invalid("limit", text, expected: "a whole number from 1 to \(Self.maximumLimit)")
                }
                limit = number
            default:
                var problem = Problem.badRequest("unknown query parameter `\(VisibleText.escaped(String(key)))`; the parameters are rule, subject, status, severity, offset and limit")
                problem.extra.append(("parameter", .string(String(key))))
                throw problem
            }
        }
    }

    private static func invalid(_ name: String, _ value: String, expected: String) -> Problem {
        var problem = Problem.badRequest("query parameter `\(name)` must be \(expected); got \(VisibleText.value(value))")
        problem.extra.append(("parameter", .string(name)))
        return problem
    }

    /// Whether a finding passes the filters.
    func matches(_ finding: Finding) -> Bool {
        (rules.isEmpty || rules.contains(finding.rule.id)) && (subjects.isEmpty || subjects.contains(finding.subject))
            && (statuses.isEmpty || statuses.contains(finding.status)) && (severities.isEmpty || severities.contains(finding.rule.severity))
    }

    /// The page of the snapshot's findings, with the total that match and the offset of the next page (`null` after the last).
    func page(of snapshot: ServerSnapshot) -> JSONText {
        let matching = snapshot.findings.filter(matches)
        let start = min(offset, matching.count), end = min(matching.count, start + limit)
        return .object([
            ("revision", .string(snapshot.revision)), ("asOf", .string(snapshot.engine.now.rfc3339)),
            ("total", .int(Int64(matching.count))), ("offset", .int(Int64(start))), ("limit", .int(Int64(limit))),
            ("nextOffset", end < matching.count ? .int(Int64(end)) : .null),
            ("findings", .array(matching[start..<end].map { JSONReporter.finding($0, baseline: nil) })),
        ])
    }
}
