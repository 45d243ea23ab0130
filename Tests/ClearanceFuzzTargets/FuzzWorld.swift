import ClearanceCore
import ClearanceExpression
import ClearancePolicy
import ClearanceYAML

/// The fixed world the fuzz targets evaluate in: the shipped policies and the fixture team,
/// read once from this checkout.
public struct FuzzWorld: Sendable {
    /// The checkout's root folder (three levels above this file).
    public static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// The one world every target shares, or why it could not be read.
    public static let shared: Result<FuzzWorld, Diagnostics> = {
        do throws(Diagnostics) {
            return .success(try FuzzWorld(root: root))
        } catch {
            return .failure(error)
        }
    }()

    /// The shipped policies.
    public let policies: PolicySet
    /// The fixture team, vendors, access manifests and waivers.
    public let documents: DocumentSet
    /// The declarations expressions compile against: `zero-trust-baseline`'s, targeting TeamMember.
    public let declarations: Declarations
    /// Bindings over Ana López's document, with that policy's params and the team's lookup maps.
    public let bindings: Bindings
    /// The evaluation time, 2026-11-20T00:00:00Z.
    public let now: Timestamp

    init(root: String) throws(Diagnostics) {
        policies = try PolicyLoader().load(paths: [root + "/Policies"])
        documents = try InputLoader().load(paths: [root + "/Fixtures"], policies: policies)
        guard let policy = policies.policy("zero-trust-baseline"), let ana = documents.document(.teamMember, id: "ana.lopez"),
              let now = Timestamp(seconds: 1_795_132_800) else {
            throw Diagnostics([Diagnostic(code: "fuzz.world", message: "the fixtures lack zero-trust-baseline or ana.lopez", file: root)])
        }
        self.now = now
        declarations = policy.declarations
        var bindings = Bindings(declarations)
        bindings[PolicyBindings.target] = Value(node: ana.root)
        bindings[PolicyBindings.params] = policy.paramsValue
        bindings[PolicyBindings.now] = .timestamp(now)
        bindings[PolicyBindings.members] = documents.membersValue
        bindings[PolicyBindings.vendors] = documents.vendorsValue
        self.bindings = bindings
    }
}
