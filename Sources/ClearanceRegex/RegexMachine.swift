/// Searches a text with the program: Thompson's simulation, where every live NFA thread advances
/// together one scalar at a time, with the sets of threads cached as DFA states (`StateCache`).
///
/// The work is O(text length × program size) at worst and one table lookup per scalar once the
/// states a text visits are known; nothing backtracks. When most steps make new states (as
/// `[ab]*a[ab]{20}` does), the cache costs more than it saves, and the search goes on without it,
/// as RE2 does. Each search has its own simulator (made on the first cache miss) and is handed a
/// cache of its own; the program is shared and never written, so searches may run on many
/// threads at once.
struct RegexMachine {
    /// After this many cache misses, a search that misses on more than half its steps drops the cache.
    private static let missesBeforeFallback = 4096

    private let program: Program

    /// Creates a machine for `program`.
    init(_ program: Program) {
        self.program = program
    }

    /// Whether the program matches anywhere in `text`, using and growing `cache`.
    func search(_ text: String, cache: inout StateCache) -> Bool {
        var simulator: ThompsonSimulator?
        var state = cache.startState()
        var next: [Int32] = []
        var scalars = text.unicodeScalars.makeIterator()
        var steps = 0
        var misses = 0
        while let scalar = scalars.next() {
            steps += 1
            if let known = cache.transition(from: state, over: scalar) {
                state = known
                continue
            }
            let threads = cache.threads(of: state)
            if simulator == nil { simulator = ThompsonSimulator(program) }
            if simulator!.step(from: threads, after: cache.context(of: state), over: scalar, into: &next) { return true }  // safe: set above
            // Only an anchored program runs out of threads, and then it cannot match any more.
            if next.isEmpty { return false }
            misses += 1
            if misses > RegexMachine.missesBeforeFallback, misses * 2 > steps {
                return simulate(&scalars, from: next, after: ScalarContext(after: scalar), with: &simulator!)  // safe: set above
            }
            state = cache.move(from: state, over: scalar, to: next)
        }
        if let known = cache.matchesAtEnd(state) { return known }
        var last = simulator ?? ThompsonSimulator(program)
        let matches = last.step(from: cache.threads(of: state), after: cache.context(of: state), over: nil, into: &next)
        cache.remember(state, matchesAtEnd: matches)
        return matches
    }

    /// Runs the rest of the text through the simulation alone, from `threads` after `context`.
    private func simulate(
        _ scalars: inout String.UnicodeScalarView.Iterator, from threads: [Int32], after context: ScalarContext,
        with simulator: inout ThompsonSimulator
    ) -> Bool {
        var current = threads
        var next: [Int32] = []
        var context = context
        while let scalar = scalars.next() {
            if simulator.step(from: current, after: context, over: scalar, into: &next) { return true }
            if next.isEmpty { return false }
            swap(&current, &next)
            context = ScalarContext(after: scalar)
        }
        return simulator.step(from: current, after: context, over: nil, into: &next)
    }
}
