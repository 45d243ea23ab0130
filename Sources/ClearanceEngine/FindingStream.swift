import ClearanceCore
import ClearancePolicy
import Synchronization

extension Engine {
    /// How many findings, for every two subjects checked, ``runKeepingFew(keepingAtMost:progress:)`` keeps before it keeps
    /// none (a tidy organisation has fewer); and the fewest it keeps whatever the number of subjects.
    static let keptPerTwoSubjects = 1, keptAtLeast = 10_000

    /// Evaluates the snapshot's subjects like ``run(rules:subjects:progress:)``, keeping the findings only while they are
    /// few: at most `keepingAtMost` (by default one for every two subjects, and at least 10,000). Past that it keeps none
    /// and goes on counting, and the report it returns has every count and hands its findings on a batch at a time, in
    /// report order, each time it is written (``Report/streamed``), by evaluating each batch again: only the rules that
    /// kept an outcome on each subject (``RuleMask``), since the others give no finding. So a run that finds millions of
    /// things never holds them, and one that finds a few evaluates once.
    ///
    /// A finding is placed among its subject's nodes (or its element's), and in a document read from a file's text (and
    /// compacted once checked) those follow the subject's start, before the next subject's; so, with the subjects in
    /// report order (by file, then place), the findings of each batch follow the batch before. Where that does not hold,
    /// the run keeps its findings, however many: a subject that is not such a document (a source's documents, made from
    /// a vendor's export), or a `for_each` element that is another subject's node (then the subjects are evaluated again).
    /// An engine that marks passes or watches subjects keeps more than findings, and keeps them all too.
    ///
    /// With a `selection`, the run also keeps, as it counts, the findings a report that shows only some of them would show
    /// (``Report/selected``), building no other: such a report is written without evaluating again.
    public func runKeepingFew(keepingAtMost budget: Int? = nil, selecting selection: FindingSelection? = nil,
                              progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) -> Report {
        let plans = self.plans(nil)
        var targets = snapshot.subjects.filter { document in plans.contains { $0.policy.target == document.kind } }
        var starts = targets.map(\.root.location)
        if !starts.indices.dropFirst().allSatisfy({ FindingStream.place(starts[$0 - 1], precedes: starts[$0]) }) {
            let order = starts.indices.sorted { FindingStream.place(starts[$0], precedes: starts[$1]) }
            targets = order.map { targets[$0] }
            starts = order.map { starts[$0] }
        }
        // Two subjects at one place (never, for documents read from text) could not be told apart.
        guard !keepsPassMarks, watching.isEmpty, targets.allSatisfy(\.document.isCompacted),
              starts.indices.dropFirst().allSatisfy({ FindingStream.place(starts[$0 - 1], precedes: starts[$0]) }) else {
            return run(progress: progress)
        }
        let budget = budget ?? max(Self.keptAtLeast, targets.count / 2 * Self.keptPerTwoSubjects)
        let batches = (targets.count + Self.batchSize - 1) / Self.batchSize
        let total = targets.count
        let done = progress.map { progress in { @Sendable (batches: Int) in progress(min(total, batches * Self.batchSize), total) } }
        // The first pass keeps the findings while they are within the budget, and once past it only counts: the batches
        // still to start build none, and those kept are let go.
        let keeping = Atomic<Bool>(budget > 0)
        // The selection's lists that may still be shown: fewer as they fill, so a batch that read more is never wrong.
        let openLists = Atomic<Int>(selection?.listCount ?? 0)
        // Which rules kept an outcome on which subjects: the others give no finding when the batches are made again.
        let ruleSlots = plans.reduce(0) { $0 + $1.rules.count }
        let merged = Mutex((sink: sink(plans, keepsAll: keepsAllFindings, pass: FirstPass(selection: selection)), lettingGo: budget <= 0,
                            selected: selection.map(SelectedFindings.init), mask: RuleMask(subjects: targets.count, ruleSlots: ruleSlots)))
        ParallelMap.forEachInOrder(batches, jobs: jobs, done: done) { [self, targets] batch in
            let pass = FirstPass(countsOnly: !keeping.load(ordering: .relaxed), selection: selection, openLists: openLists.load(ordering: .relaxed),
                                 notesKept: true)
            return evaluate(targets[FindingStream.range(of: batch, among: targets.count)], plans, waivers: waivers, at: now,
                            keepsAll: keepsAllFindings, pass: pass)
        } consume: { result in
            merged.withLock { merged in
                for entry in result.kept { merged.mask.insert(entry) }
                merged.sink.append(result)
                if let selection, merged.selected != nil {
                    merged.selected?.add(result.findings, following: true, selection)
                    openLists.store(merged.selected?.openLists ?? 0, ordering: .relaxed)
                }
                if !merged.lettingGo, result.pass.countsOnly || merged.sink.findings.count > budget {
                    merged.lettingGo = true
                    keeping.store(false, ordering: .relaxed)
                }
                if merged.lettingGo { merged.sink.letFindingsGo() }
            }
        }
        var (sink, streams, selected, mask) = merged.withLock { $0 }
        let outside = Finding.sortedForReports(outsidePlan(rules: nil, subjects: nil))
        let checked = keepsAllFindings ? snapshot.subjects.filter { policies.kinds.contains($0.kind) } : []
        guard streams else {
            for finding in outside { sink.addOutsidePlan(finding) }
            return report(sink, plans, documentsChecked: targets.count, at: now, subjects: checked)
        }
        // An element of another document can place a finding outside its subject's.
        guard !sink.elementsElsewhere else { return run(progress: nil) }
        // The few findings outside the plan join the last batch whose first subject is placed at or before them.
        var joining: [Int: [Finding]] = [:]
        var batch = 0
        for finding in outside {
            while batch + 1 < batches, !FindingStream.place(finding.location, precedes: starts[(batch + 1) * Self.batchSize]) { batch += 1 }
            joining[batch, default: []].append(finding)
            sink.addOutsidePlan(finding)
        }
        if let selection, var chosen = selected {
            chosen.counts = sink.selectedCounts
            chosen.count(outside, selection)
            chosen.add(outside, following: false, selection)
            selected = chosen
        }
        sink.letFindingsGo()
        let stream = FindingStream(engine: self, plans: plans, targets: targets, batches: batches, joining: joining, mask: mask)
        return report(sink, plans, documentsChecked: targets.count, at: now, subjects: checked, streamed: stream, selected: selected)
    }
}

/// The findings of a run that kept none (``Engine/runKeepingFew(keepingAtMost:progress:)``), made again a batch at a time whenever they
/// are read, in report order.
public final class FindingStream: Sendable {
    private let engine: Engine
    private let plans: [Engine.Plan]
    private let targets: [InputDocument]
    private let batches: Int
    /// The findings outside the plan, by the batch they are handed on with.
    private let joining: [Int: [Finding]]
    /// The rules to evaluate again on each subject: those that kept an outcome there.
    private let mask: RuleMask

    init(engine: Engine, plans: [Engine.Plan], targets: [InputDocument], batches: Int, joining: [Int: [Finding]], mask: RuleMask) {
        self.mask = mask
        self.engine = engine
        self.plans = plans
        self.targets = targets
        self.batches = batches
        self.joining = joining
    }

    /// The findings that no planned rule gave (expired waivers and overrides, evidence from the future), in report order.
    public var outsidePlan: [Finding] { joining.keys.sorted().flatMap { joining[$0] ?? [] } }

    /// The findings a report that shows only some of them takes (``FindingSelection``), made again from the stream.
    public func select(_ selection: FindingSelection, jobs: Int) -> SelectedFindings {
        var selected = SelectedFindings(selection)
        forEachBatch(jobs: jobs, { $0 }) { findings in
            selected.count(findings, selection)
            selected.add(findings, following: true, selection)
        }
        return selected
    }

    /// Whether each subject's findings come together, one subject after another: no finding outside the plan (an expired
    /// waiver's is placed in the waivers' file) and no two subjects of one kind with one id.
    public var groupsBySubject: Bool {
        joining.isEmpty && Set(targets.map { $0.kind.rawValue + "/" + $0.id }).count == targets.count
    }

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
                                               at: engine.now, keepsAll: engine.keepsAllFindings, only: mask)
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
