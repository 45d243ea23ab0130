import ArgumentParser
import ClearanceCore
import ClearanceDocument
import ClearanceEngine
import ClearancePolicy
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `clearance-bench evaluate`: prepares the engine once over generated organisations and evaluates
/// one member at a time, as a server answering requests would; then evaluates a long run of
/// members with random ids and random keys, watching resident memory.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Time one-member evaluations against a prepared engine, and watch memory over many of them.",
        discussion: """
            For each size: generate the organisation in memory, load and check it, prepare the engine once, then time \
            evaluations of one of its members at a time (median of the rounds). Then, against the largest: evaluate \
            --random-calls requests, each a member read from text with a random id, every other one also with a random \
            key of its own (unknown to the shape, so the checks reject it as a server would), and report resident \
            memory after the first 10,000 and at the end.
            """
    )

    @Option(help: "The policies folder.")
    var policies = "Policies"

    @Option(help: "Organisation sizes, comma-separated.")
    var sizes = "1000,100000"

    @Option(help: "One-member evaluations per round.")
    var calls = 20_000

    @Option(help: "Rounds per size (the median is reported).")
    var rounds = 5

    @Option(help: "Requests with random keys evaluated against the largest organisation (0: skip).")
    var randomCalls = 1_000_000

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(help: "The evaluation time.")
    var asOf = "2026-11-20"

    func run() throws {
        guard case .timestamp(let now) = TimestampSyntax.parse(asOf) else { throw ValidationError("--as-of must be a date") }
        let sizes = self.sizes.split(separator: ",").compactMap { Int($0) }
        var engine: Engine?
        print("| members | prepare s | ns per one-member evaluation (median of \(rounds)) | resident MiB |")
        print("| ---: | ---: | ---: | ---: |")
        var perCall: [Double] = []
        for size in sizes {
            engine = nil
            let started = ContinuousClock.now
            let prepared = try Self.prepare(members: size, seed: seed, policies: policies, now: now)
            let preparation = started.duration(to: .now)
            let subjects = prepared.snapshot.subjects.filter { $0.kind == .teamMember }
            var medians: [Double] = []
            var sink = 0
            for _ in 0..<rounds {
                let start = ContinuousClock.now
                for call in 0..<calls {
                    let member = subjects[(call &* 7919) % subjects.count]
                    sink &+= prepared.evaluate([member], at: now).summary[.fail] ?? 0
                }
                medians.append(Self.nanoseconds(start.duration(to: .now)) / Double(calls))
            }
            medians.sort()
            perCall.append(medians[medians.count / 2])
            print("| \(size) | \(String(format: "%.1f", Self.nanoseconds(preparation) / 1e9)) | \(String(format: "%.0f", medians[medians.count / 2])) | \(Self.residentMiB()) |")
            if sink < 0 { print(sink) }
            engine = prepared
        }
        if perCall.count > 1 {
            print("\nper-call time at \(sizes.last ?? 0) / at \(sizes.first ?? 0): \(String(format: "%.2f", perCall[perCall.count - 1] / perCall[0]))×")
        }
        guard let engine, randomCalls > 0 else { return }
        try randomRequests(engine, now: now)
    }

    /// Evaluates requests with random ids and keys, and reports resident memory after 10,000 and at the end.
    private func randomRequests(_ engine: Engine, now: Timestamp) throws {
        var generator = OrganisationGenerator(seed: seed &+ 1, memberCount: 100)
        let templates = (0..<100).map { generator.member(at: $0) }
        var random = RandomSource(seed: seed &+ 2)
        // Requests are read against the snapshot's symbols without adding to them, as a server reads them.
        let loader = YAMLLoader(symbols: engine.policies.symbols, keys: .lookUpOnly)
        let checker = InputLoader(symbols: engine.policies.symbols, keys: .lookUpOnly)
        let tableSize = engine.policies.symbols.count
        var evaluated = 0, rejected = 0, afterFirst = 0
        var checkpoints: [(calls: Int, kib: Int)] = []
        let start = ContinuousClock.now
        for call in 1...randomCalls {
            let template = templates[call % templates.count]
            let id = "r\(random.next())"
            var text = template.yaml.replacingOccurrences(of: "id: \(template.id)\n", with: "id: \(id)\n")
            // Every other request carries a key never seen before and never seen again, which the checks reject.
            if call % 2 == 0 { text += "x_\(random.next()): x\n" }
            do {
                let roots = try loader.load(text: text, name: "request-\(call).yaml").map(\.root)
                let documents = try checker.check(roots, policies: engine.policies)
                _ = engine.evaluate(documents.documents, at: now)
                evaluated += 1
            } catch {
                rejected += 1
            }
            if call == 10_000 { afterFirst = Self.residentKiB() }
            if [10_000, 100_000, 250_000, 500_000, 750_000].contains(call) { checkpoints.append((call, Self.residentKiB())) }
        }
        let end = Self.residentKiB()
        let seconds = Self.nanoseconds(start.duration(to: .now)) / 1e9
        print("\n\(randomCalls) requests in \(String(format: "%.0f", seconds)) s (\(evaluated) evaluated, \(rejected) rejected by the checks)")
        checkpoints.append((randomCalls, end))
        print("resident MiB after " + checkpoints.map { "\($0.calls): \(String(format: "%.1f", Double($0.kib) / 1024))" }.joined(separator: ", "))
        print("symbols in the snapshot's table: \(tableSize) before, \(engine.policies.symbols.count) after")
        print("resident after 10,000: \(afterFirst / 1024) MiB; after \(randomCalls): \(end / 1024) MiB; growth \(String(format: "%+.1f", Double(end - afterFirst) / Double(afterFirst) * 100))%")
    }

    /// Loads the policies and an organisation of `members` generated in memory into one symbol table, checks it, and prepares the engine.
    static func prepare(members: Int, seed: UInt64, policies folder: String, now: Timestamp) throws -> Engine {
        var generator = OrganisationGenerator(seed: seed, memberCount: members)
        let symbols = SymbolTable()
        let loader = YAMLLoader(symbols: symbols)
        var roots: [Node] = []
        roots.reserveCapacity(members + 100)
        do {
            let policies = try PolicyLoader(symbols: symbols).load(paths: [folder])
            for index in 0..<members { roots += try loader.load(text: generator.member(at: index).yaml, name: "team/\(index).yaml").map(\.root) }
            roots += try loader.load(text: generator.vendorsYAML(), name: "vendors.yaml").map(\.root)
            for (name, text) in generator.manifestsYAML() { roots += try loader.load(text: text, name: "access/\(name).yaml").map(\.root) }
            let documents = try InputLoader(symbols: symbols).check(roots, policies: policies)
            return Engine(policies: policies, documents: documents, now: now, keepsAllFindings: false)
        } catch let error as Diagnostics {
            print(error.rendered)
            throw ExitCode(2)
        } catch let error as Diagnostic {
            print(error.rendered)
            throw ExitCode(2)
        }
    }

    private static func nanoseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
    }

    /// Resident memory in KiB, from /proc/self/statm.
    static func residentKiB() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count >= 2, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }

    private static func residentMiB() -> Int { residentKiB() / 1024 }
}
