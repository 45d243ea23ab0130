import ClearanceCore
import Foundation
import ClearancePolicy

/// Random teams whose every document is valid for its shape in ``DocumentShapes``: each optional
/// key is present with a random valid value, absent, or (where the shape allows it) null.
///
/// The walk reads the shapes themselves (requiredness, nullability, enums, nesting), so it follows
/// them when they change. Ids come from small pools, so references to members and vendors
/// sometimes name a loaded document and sometimes do not; timestamps fall around `now`.
struct ShapeValidTeamGenerator {
    /// A deterministic source of randomness (SplitMix64).
    struct Random {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// One generated team: the text of each document (one YAML document per entry).
    struct Team {
        var documents: [String]
    }

    var random: Random
    /// The evaluation time timestamps are spread around.
    let now: Timestamp
    let memberIDs: [String]
    let vendorIDs: [String]
    let serviceAccountIDs = ["service-0", "service-1"]

    init(seed: UInt64, now: Timestamp, members: Int = 8, vendors: Int = 3) {
        random = Random(state: seed)
        self.now = now
        memberIDs = (0..<members).map { "m\($0).person" }
        vendorIDs = (0..<vendors).map { "vendor-\($0)" }
    }

    /// A team: every member, every vendor, two each of access manifests, repositories, systems, AI workflows and
    /// service accounts, four accounts, two employment records and a source.
    mutating func team() -> Team {
        var documents: [String] = []
        for id in memberIDs { documents.append(document(DocumentShapes.teamMember, id: id)) }
        for id in vendorIDs { documents.append(document(DocumentShapes.vendor, id: id)) }
        for index in 0..<2 { documents.append(document(DocumentShapes.accessManifest, id: "manifest-\(index)")) }
        for index in 0..<2 { documents.append(document(DocumentShapes.repository, id: "acme/repository-\(index)")) }
        for index in 0..<2 { documents.append(document(DocumentShapes.system, id: "system-\(index)")) }
        for index in 0..<2 { documents.append(document(DocumentShapes.aiWorkflow, id: "workflow-\(index)")) }
        for id in serviceAccountIDs { documents.append(document(ObservedShapes.serviceAccount, id: id)) }
        for index in 0..<4 { documents.append(document(ObservedShapes.account, id: "account-\(index)")) }
        for index in 0..<2 { documents.append(document(ObservedShapes.employment, id: "employment-\(index)")) }
        documents.append(document(ObservedShapes.source, id: "exports/source.csv"))
        return Team(documents: documents)
    }

    /// One document of `shape` with a fixed `id` (ids are unique per kind).
    private mutating func document(_ shape: ObjectShape, id: String) -> String {
        object(shape, fixed: ["id": "\"\(id)\""])
    }

    private mutating func object(_ shape: ObjectShape, fixed: [String: String] = [:]) -> String {
        var entries: [String] = []
        for property in shape.properties {
            if let value = fixed[property.name] {
                entries.append("\(property.name): \(value)")
                continue
            }
            if !property.isRequired {
                switch random.below(4) {
                case 0: continue  // absent
                case 1 where Self.allowsNull(property.shape):
                    entries.append("\(property.name): null")
                    continue
                default: break
                }
            }
            entries.append("\(property.name): \(value(property.shape, key: property.name))")
        }
        return "{" + entries.joined(separator: ", ") + "}"
    }

    private mutating func value(_ shape: Shape, key: String) -> String {
        switch shape {
        case .nullable(let inner): return random.chance(20) ? "null" : value(inner, key: key)
        case .string(let allowed?): return quoted(random.pick(allowed))
        case .string: return quoted(string(for: key))
        case .pattern(let pattern): return quoted(matching(pattern.pattern, key: key))
        case .expression, .template: return quoted("true")
        case .boolean: return random.chance(70) ? "true" : "false"
        case .integer: return String(random.below(200))
        case .timestamp: return timestamp()
        case .list(let element):
            let count = random.below(4)
            return "[" + (0..<count).map { _ in value(element, key: key) }.joined(separator: ", ") + "]"
        case .dictionary: return "{}"
        case .object(let object): return self.object(object)
        case .oneOf(let shapes): return value(random.pick(shapes), key: key)
        case .any: return quoted(string(for: key))
        }
    }

    /// A string that suits the key: ids from the pools (sometimes unknown), tickets that match
    /// the IT queue or not, anything else from a few words.
    private mutating func string(for key: String) -> String {
        switch key {
        case "security_owner", "approved_by", "reviewer", "owner", "member", "person", "claimants": random.pick(memberIDs + ["nobody"])
        case "service_account": random.pick(serviceAccountIDs + ["unknown-service"])
        case "access", "admin_actions": random.pick(["datadog", "system-0", "", "splunk"])
        case "id": "LAP-\(random.below(20))"
        case "vendor": random.pick(vendorIDs + ["unknown-vendor"])
        case "ticket": random.pick(["SEC-\(random.below(9999))", "IT-\(random.below(999))", "", "chat"])
        case "system": random.pick(["aws", "github", "jira", "gcp", "figma"])
        case "resource": random.pick(["acme/web", "acme-prod/Admin", "acme-*", "acme"])
        case "role": random.pick(["admin", "owner", "write", "read", "operator"])
        case "access_revocation": random.pick(["immediate", "same-day", "next-week"])
        case "communication_cadence": random.pick(["daily", "weekly", "monthly"])
        case "covers": random.pick(["code", "models", "documentation", "prompts", "datasets", "derivative-works"])
        case "roles": random.pick(["security-owner", "it-admin", "engineer"])
        default: random.pick(["alpha", "beta", "Acme SA de CV", "x"])
        }
    }

    /// A string that matches `pattern`: the one `key` would get, or the first of a few samples
    /// that matches (ids, emails, tickets, device ids).
    private mutating func matching(_ pattern: String, key: String) -> String {
        let candidates = [string(for: key)] + memberIDs + ["nobody", "\(random.pick(memberIDs))@example.com", "SEC-1234", "LAP-0001", "x"]
        let regex = try? NSRegularExpression(pattern: pattern)
        return candidates.first { text in
            regex?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        } ?? candidates[0]
    }

    /// A date or a date-time within about 400 days of `now`, either side.
    private mutating func timestamp() -> String {
        let seconds = now.seconds + Int64(random.below(800 * 86_400)) - 400 * 86_400
        let time = Timestamp(seconds: random.chance(50) ? seconds - seconds % 86_400 : seconds) ?? now
        return random.chance(50) ? String(time.rfc3339.prefix(10)) : time.rfc3339
    }

    /// Whether `null` is a valid value of the shape.
    private static func allowsNull(_ shape: Shape) -> Bool {
        switch shape {
        case .nullable, .any: true
        default: false
        }
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
