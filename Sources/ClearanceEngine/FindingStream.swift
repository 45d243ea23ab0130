import ClearanceCore
import ClearancePolicy
import Synchronization

extension Engine {
    /// Evaluates the snapshot's subjects like ``run(rules:subjects:progress:)`` but keeps no finding: the report it
    /// returns has every count, and hands its findings on a batch at a time, in report order, each time it is written
    /// (``Report/streamed``), by evaluating each batch again. So a run that finds millions of things never holds them.
    ///
    /// `nil` when the findings cannot be handed on batch by batch in report order (a finding of one batch placed among
    /// another's, such as an element that lives in another file): ``run(rules:subjects:progress:)`` is then the way.
    /// An engine that marks passes or watches subjects keeps more than findings, and never streams.
    public func runStreamed(progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) -> Report? {
        guard !keepsPassMarks, watching.isEmpty else { return nil }
        let plans = self.plans(nil)
        // A finding is placed among its subject's nodes (or its element's), and in a document read from a file's text (and
        // compacted once checked) those follow the subject's start, before the next subject's. So, with the subjects in
        // report order (by file, then place), the findings of each batch follow the batch before. A source's documents are
        // made from a vendor's export, not read in text order: those runs keep their findings.
        var targets = snapshot.subjects.filter { document in plans.contains { $0.policy.target == document.kind } }
        guard targets.allSatisfy(\.document.isCompacted) else { return nil }
        var starts = targets.map(\.root.location)
        if !starts.indices.dropFirst().allSatisfy({ FindingStream.place(starts[$0 - 1], precedes: starts[$0]) }) {
            let order = starts.indices.sorted { FindingStream.place(starts[$0], precedes: starts[$1]) }
            targets = order.map { targets[$0] }
            starts = order.map { starts[$0] }
            // Two subjects at one place (never, for documents read from text) could not be told apart.
            guard starts.indices.dropFirst().allSatisfy({ FindingStream.place(starts[$0 - 1], precedes: starts[$0]) }) else { return nil }
        }
        let batches = (targets.count + Self.batchSize - 1) / Self.batchSize
        let total = targets.count
        let done = progress.map { progress in { @Sendable (batches: Int) in progress(min(total, batches * Self.batchSize), total) } }
        // The first pass counts every outcome, building no finding.
        let merged = Mutex(sink(plans, keepsAll: keepsAllFindings))
        ParallelMap.forEachInOrder(batches, jobs: jobs, done: done) { [self, targets] batch in
            evaluate(targets[FindingStream.range(of: batch, among: targets.count)], plans, waivers: waivers, at: now, keepsAll: keepsAllFindings,
                     countsOnly: true)
        } consume: { result in
            merged.withLock { $0.append(result) }
        }
        var sink = merged.withLock { $0 }
        // An element of another document can place a finding outside its subject's.
        guard !sink.elementsElsewhere else { return nil }
        // The few findings outside the plan join the last batch whose first subject is placed at or before them.
        var joining: [Int: [Finding]] = [:]
        var batch = 0
        for finding in Finding.sortedForReports(outsidePlan(rules: nil, subjects: nil)) {
            while batch + 1 < batches, !FindingStream.place(finding.location, precedes: starts[(batch + 1) * Self.batchSize]) { batch += 1 }
            joining[batch, default: []].append(finding)
            sink.addOutsidePlan(finding)
        }
        let stream = FindingStream(engine: self, plans: plans, targets: targets, batches: batches, joining: joining)
        let checked = keepsAllFindings ? snapshot.subjects.filter { policies.kinds.contains($0.kind) } : []
        return report(sink, plans, documentsChecked: targets.count, at: now, subjects: checked, streamed: stream)
    }
}

/// The findings of a run that kept none (``Engine/runStreamed(progress:)``), made again a batch at a time whenever they
/// are read, in report order.
public final class FindingStream: Sendable {
    private let engine: Engine
    private let plans: [Engine.Plan]
    private let targets: [InputDocument]
    private let batches: Int
    /// The findings outside the plan, by the batch they are handed on with.
    private let joining: [Int: [Finding]]

    init(engine: Engine, plans: [Engine.Plan], targets: [InputDocument], batches: Int, joining: [Int: [Finding]]) {
        self.engine = engine
        self.plans = plans
        self.targets = targets
        self.batches = batches
        self.joining = joining
    }

    /// The findings that no planned rule gave (expired waivers and overrides, evidence from the future), in report order.
    public var outsidePlan: [Finding] { joining.keys.sorted().flatMap { joining[$0] ?? [] } }

    /// The documents of a batch.
    static func range(of batch: Int, among count: Int) -> Range<Int> {
        (batch * Engine.batchSize)..<min(count, (batch + 1) * Engine.batchSize)
    }

    /// Whether `a` comes before `b` in report order: by file (by bytes), line, then column.
    static func place(_ a: SourceLocation, precedes b: SourceLocation) -> Bool {
        if a.file != b.file { return a.file.precedesByBytes(b.file) }
        return (a.line, a.column) < (b.line, b.column)
    }

    /// Makes the findings again, a batch at a time on up to `jobs` threads, and hands each batch's findings, in report
    /// order, through `transform` (on the thread that made them) to `consume`, one batch at a time in order: together,
    /// every finding the run kept, in the order of ``Report/findings``.
    public func forEachBatch<T: Sendable>(jobs: Int, _ transform: @Sendable ([Finding]) -> T, consume: (T) -> Void) {
        withoutActuallyEscaping(consume) { consume in
            // Called for one batch at a time, in order, never after this call returns.
            nonisolated(unsafe) let consume = consume
            nonisolated(unsafe) var last: Finding?
            ParallelMap.forEachInOrder(max(batches, 1), jobs: jobs) { [self] batch in
                var found = joining[batch] ?? []
                if batch < batches {
                    let sink = engine.evaluate(targets[Self.range(of: batch, among: targets.count)], plans, waivers: engine.waivers,
                                               at: engine.now, keepsAll: engine.keepsAllFindings)
                    found = Finding.sortedForReports(sink.findings + found)
                }
                return (first: found.first, last: found.last, made: transform(found))
            } consume: { batch in
                // The first pass's checks make this hold; a report out of order is never written past the batch that breaks it.
                if let first = batch.first, let previous = last {
                    precondition(!Finding.precedes(first, previous), "the findings of a streamed report came out of report order")
                }
                consume(batch.made)
                last = batch.last ?? last
            }
        }
    }
}
