/// A lazily built DFA over the Thompson simulation: each distinct set of threads (with its
/// context) becomes a numbered state, and transitions found are remembered, so a text that
/// keeps revisiting the same states costs a table lookup per scalar.
///
/// Memory is bounded: past `maxStates` states or `maxStoredThreads` stored thread indices the
/// cache starts over, so the worst case stays one simulation step per scalar.
struct StateCache {
    /// A state: the threads to resume and what precedes the position.
    private struct Key: Hashable {
        let threads: [Int32]
        let context: ScalarContext
    }

    private static let maxStates = 4096
    private static let maxStoredThreads = 1 << 20
    private static let asciiCount = 128
    private static let unknown: Int32 = -1
    private static let unknownRow = [Int32](repeating: unknown, count: asciiCount)

    private var keys: [Key] = []
    private var ids: [Key: Int32] = [:]
    /// For ASCII scalars: `asciiTransitions[state * 128 + scalar]`, or `unknown`.
    private var asciiTransitions: [Int32] = []
    /// For other scalars, keyed by state and scalar.
    private var wideTransitions: [UInt64: Int32] = [:]
    /// Whether each state matches at the end of the text: 0 not yet known, 1 no, 2 yes.
    private var endings: [UInt8] = []
    /// The state every search starts in, once made (`unknown` until then, and again after starting over).
    private var start = StateCache.unknown
    private var storedThreads = 0
    /// How many times the cache has started over; states from an earlier round are gone.
    private var round = 0

    /// The threads of `state`.
    func threads(of state: Int32) -> [Int32] { keys[Int(state)].threads }

    /// The context of `state`.
    func context(of state: Int32) -> ScalarContext { keys[Int(state)].context }

    /// The state `state` goes to over `scalar`, if already known.
    func transition(from state: Int32, over scalar: Unicode.Scalar) -> Int32? {
        let value = scalar.value
        if value < StateCache.asciiCount {
            let next = asciiTransitions[Int(state) * StateCache.asciiCount + Int(value)]
            return next == StateCache.unknown ? nil : next
        }
        return wideTransitions[UInt64(state) << 21 | UInt64(value)]
    }

    /// The state a search starts in: the first thread, at the start of the text.
    mutating func startState() -> Int32 {
        if start == StateCache.unknown { start = state(threads: [0], context: .textStart) }
        return start
    }

    /// Whether `state` matches at the end of the text, if already known.
    func matchesAtEnd(_ state: Int32) -> Bool? {
        switch endings[Int(state)] {
        case 1: false
        case 2: true
        default: nil
        }
    }

    /// Remembers whether `state` matches at the end of the text.
    mutating func remember(_ state: Int32, matchesAtEnd: Bool) {
        endings[Int(state)] = matchesAtEnd ? 2 : 1
    }

    /// The state for `threads` after `context`, made if new.
    mutating func state(threads: [Int32], context: ScalarContext) -> Int32 {
        let key = Key(threads: threads, context: context)
        if let id = ids[key] { return id }
        if keys.count >= StateCache.maxStates || storedThreads + threads.count > StateCache.maxStoredThreads {
            keys.removeAll(keepingCapacity: true)
            ids.removeAll(keepingCapacity: true)
            asciiTransitions.removeAll(keepingCapacity: true)
            wideTransitions.removeAll(keepingCapacity: true)
            endings.removeAll(keepingCapacity: true)
            start = StateCache.unknown
            storedThreads = 0
            round += 1
        }
        let id = Int32(keys.count)
        keys.append(key)
        ids[key] = id
        storedThreads += threads.count
        asciiTransitions.append(contentsOf: StateCache.unknownRow)
        endings.append(0)
        return id
    }

    /// Moves from `state` over `scalar` to the state for `threads`, remembering the transition.
    mutating func move(from state: Int32, over scalar: Unicode.Scalar, to threads: [Int32]) -> Int32 {
        let roundBefore = round
        let next = self.state(threads: threads, context: ScalarContext(after: scalar))
        // Starting over renumbers every state, and `state` is gone with it.
        guard round == roundBefore else { return next }
        let value = scalar.value
        if value < StateCache.asciiCount {
            asciiTransitions[Int(state) * StateCache.asciiCount + Int(value)] = next
        } else {
            wideTransitions[UInt64(state) << 21 | UInt64(value)] = next
        }
        return next
    }
}
