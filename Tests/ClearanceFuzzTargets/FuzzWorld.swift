import ClearanceCore
import ClearanceExpression
import ClearancePolicy
import ClearanceDocument

/// The fixed world the fuzz targets evaluate in: the shipped policies and the fixture team,
/// read once from this checkout.
public final class FuzzWorld: Sendable {
    /// The checkout's root folder (three levels above this file).
    public static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// The one world every target shares, or why it could not be read.
    ///
    /// Kept as a plain pair, not a `Result`: an enum may keep its case in the spare bits of a
    /// pointer, which LeakSanitizer does not follow, so everything in the world would be reported leaked.
    public static let shared: (world: FuzzWorld?, problems: Diagnostics?) = {
        do throws(Diagnostics) {
            return (try FuzzWorld(root: root), nil)
        } catch {
            return (nil, error)
        }
    }()

    /// The shipped policies.
    public let policies: PolicySet
    /// The fixture team, vendors, access manifests and waivers.
    public let documents: DocumentSet
    /// The declarations expressions compile against: `zero-trust-baseline`'s, targeting TeamMember.
    public let declarations: Declarations
    /// The linker of the fixture team's members and service accounts, as `clearance` links the sources' records.
    public let linker: IdentityLinker
    /// Bindings over Ana López's document, with that policy's params and the team's lookup maps.
    public let bindings: Bindings
    /// The evaluation time, 2026-11-20T00:00:00Z.
    public let now: Timestamp
    /// Every compiled program of the policies, held plainly for LeakSanitizer: message templates
    /// keep theirs in an enum, whose case may sit in the spare bits of the pointer, where it cannot see them.
    let programs: [Program]

    init(root: String) throws(Diagnostics) {
        policies = try PolicyLoader(symbols: SymbolTable()).load(paths: [root + "/Policies"])
        let sources = try ProjectConfiguration.load(path: root + "/clearance.yaml").sources  // the exports under Fixtures/exports
        documents = try InputLoader(symbols: policies.symbols).load(paths: [root + "/Fixtures"], waiverPaths: [root + "/Fixtures/waivers.yaml"],
                                                                    sources: sources, policies: policies)
        guard let policy = policies.policy("zero-trust-baseline"), let ana = documents.document(.teamMember, id: "ana.lopez"),
              let now = Timestamp(seconds: 1_795_132_800) else {
            throw Diagnostics([Diagnostic(code: "fuzz.world", message: "the fixtures lack zero-trust-baseline or ana.lopez", file: root)])
        }
        self.now = now
        linker = IdentityLinker(documents.documents)
        programs = policies.rules.flatMap { rule in
            [rule.when, rule.forEach?.list, rule.require].compactMap { $0?.program } + rule.message.pieces.programs
        }
        declarations = policy.declarations
        var bindings = Bindings(declarations)
        bindings[PolicyBindings.target] = Value(node: ana.root)
        bindings[PolicyBindings.params] = policy.paramsValue
        bindings[PolicyBindings.now] = .timestamp(now)
        for (index, lookup) in documents.lookupValues.enumerated() { bindings[PolicyBindings.firstLookup + index] = lookup }
        self.bindings = bindings
    }
}
