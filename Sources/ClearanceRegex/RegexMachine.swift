/// Searches a text with the program: Thompson's simulation, where every live NFA thread advances
/// together one scalar at a time, with the sets of threads cached as DFA states (`StateCache`).
///
/// The work is O(text length × program size) at worst and one table lookup per scalar once the
/// states a text visits are known; nothing backtracks. Each search has its own simulator and
/// cache; the program is shared and never written, so searches may run on many threads at once.
struct RegexMachine {
    private let program: Program

    /// Creates a machine for `program`.
    init(_ program: Program) {
        self.program = program
    }

    /// Whether the program matches anywhere in `text`.
    func search(_ text: String) -> Bool {
        var simulator = ThompsonSimulator(program)
        var cache = StateCache()
        var state = cache.state(threads: [0], context: .textStart)
        for scalar in text.unicodeScalars {
            if let next = cache.transition(from: state, over: scalar) {
                state = next
                continue
            }
            switch simulator.step(from: cache.threads(of: state), after: cache.context(of: state), over: scalar) {
            case .match:
                return true
            case .next(let threads):
                // Only an anchored program runs out of threads, and then it cannot match any more.
                if threads.isEmpty { return false }
                state = cache.move(from: state, over: scalar, to: threads)
            }
        }
        if case .match = simulator.step(from: cache.threads(of: state), after: cache.context(of: state), over: nil) {
            return true
        }
        return false
    }
}
