/// A set of Unicode scalar values kept as sorted, disjoint, non-adjacent closed ranges.
///
/// Values are `UInt32` so that a pattern may name any code point up to U+10FFFF, including
/// surrogates, which simply never occur in a Swift string.
struct ScalarRangeSet: Equatable, Sendable {
    /// The largest code point.
    static let maxValue: UInt32 = 0x10FFFF
    /// Every code point.
    static let all = ScalarRangeSet([0...maxValue])

    /// The ranges, sorted, disjoint and non-adjacent.
    private(set) var ranges: [ClosedRange<UInt32>]

    /// Creates the union of `ranges`, which may be unsorted and overlapping.
    init(_ ranges: [ClosedRange<UInt32>] = []) {
        self.ranges = ScalarRangeSet.normalized(ranges)
    }

    /// The only member, if the set has exactly one.
    var onlyMember: UInt32? {
        guard ranges.count == 1, let range = ranges.first, range.lowerBound == range.upperBound else { return nil }
        return range.lowerBound
    }

    /// Whether `value` is a member.
    /// - Complexity: O(log *r*) for *r* ranges.
    func contains(_ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < ranges.count && ranges[low].lowerBound <= value
    }

    /// Every code point that is not a member.
    func inverted() -> ScalarRangeSet {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            guard range.upperBound < ScalarRangeSet.maxValue else { return ScalarRangeSet(result) }
            next = range.upperBound + 1
        }
        result.append(next...ScalarRangeSet.maxValue)
        return ScalarRangeSet(result)
    }

    /// The members plus every scalar equal to one of them under simple case folding.
    func caseFolded() -> ScalarRangeSet {
        var added = ranges
        for range in ranges {
            CaseFolding.forEachFoldedMember(of: range) { added.append($0...$0) }
        }
        return ScalarRangeSet(added)
    }

    private static func normalized(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var result: [ClosedRange<UInt32>] = []
        result.reserveCapacity(sorted.count)
        for range in sorted {
            if let last = result.last, range.lowerBound <= last.upperBound || range.lowerBound - 1 == last.upperBound {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}
