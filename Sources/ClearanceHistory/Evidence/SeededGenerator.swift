/// A deterministic pseudo-random generator (SplitMix64): the same seed gives the same numbers on every machine and
/// every Swift version, which the standard library's generators and shuffles do not promise.
public struct SeededGenerator: Sendable {
    private var state: UInt64

    /// Starts the sequence of `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0), every value equally likely: draws below the largest multiple of `bound`
    /// are kept, the rest drawn again.
    public mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "a bound of at least 1")
        let threshold = (0 &- bound) % bound  // 2^64 mod bound: the draws to reject
        while true {
            let value = next()
            if value >= threshold { return value % bound }
        }
    }
}

/// A reproducible random sample of a population: the seed, and the items drawn in order.
public struct EvidenceSample: Sendable, Equatable {
    /// The seed.
    public var seed: UInt64
    /// How many items were asked for.
    public var requested: Int
    /// The population's size.
    public var population: Int
    /// The positions (in the population's order) of the items drawn, in the order drawn.
    public var drawn: [Int]

    /// Draws `min(size, population)` positions of `0..<population` without replacement: the first steps of a
    /// Fisher-Yates shuffle driven by ``SeededGenerator``.
    public init(seed: UInt64, size: Int, population: Int) {
        var generator = SeededGenerator(seed: seed)
        var positions = Array(0..<population)
        let count = min(max(size, 0), population)
        for index in 0..<count {
            let pick = index + Int(generator.next(below: UInt64(population - index)))
            positions.swapAt(index, pick)
        }
        self.seed = seed
        requested = size
        self.population = population
        drawn = Array(positions.prefix(count))
    }
}
