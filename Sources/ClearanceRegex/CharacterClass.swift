/// A test on a scalar's Unicode general category, as `\p{Lu}` or `\P{L}` asks.
///
/// General categories are looked up per scalar at match time instead of being expanded into
/// ranges, which would mean scanning all 1.1 million code points.
struct CategoryTest: Sendable {
    /// The categories tested for.
    let categories: GeneralCategorySet
    /// Whether the test accepts scalars outside the categories instead (`\P{L}`).
    let isNegated: Bool
    /// Whether a scalar also passes when a case-equivalent scalar is in the categories (`(?i)`).
    let isCaseFolded: Bool

    /// Whether `scalar` passes the test.
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        var found = categories.contains(scalar)
        if !found, isCaseFolded {
            found = CaseFolding.orbit(of: scalar.value).contains { member in
                Unicode.Scalar(member).map(categories.contains) ?? false
            }
        }
        return found != isNegated
    }
}

/// The members of a character class before any `[^...]` inversion: ranges plus category tests.
struct ClassMembers: Sendable {
    /// Explicit scalars and ranges.
    var ranges = ScalarRangeSet()
    /// Category tests; a scalar passing any of them is a member.
    var tests: [CategoryTest] = []

    /// Whether `scalar` is a member.
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        ranges.contains(scalar.value) || tests.contains { $0.contains(scalar) }
    }
}

/// The set of scalars one consuming instruction accepts, with a bitmap for ASCII.
///
/// A class, not a struct, so that the matcher's hot loop borrows one reference instead of
/// copying (and retaining) the arrays inside.
final class CharacterClass: Sendable {
    /// The members before inversion.
    let members: ClassMembers
    /// Whether the class accepts exactly the scalars that are not members (`[^...]`).
    let isInverted: Bool
    private let asciiLow: UInt64
    private let asciiHigh: UInt64

    /// Creates a class accepting `members`, or everything else when `isInverted`.
    init(_ members: ClassMembers, isInverted: Bool = false) {
        self.members = members
        self.isInverted = isInverted
        var low: UInt64 = 0
        var high: UInt64 = 0
        for value in UInt8(0)..<128 where members.contains(Unicode.Scalar(value)) != isInverted {
            if value < 64 { low |= 1 << value } else { high |= 1 << (value - 64) }
        }
        asciiLow = low
        asciiHigh = high
    }

    /// The only scalar the class accepts, if it accepts exactly one.
    var onlyMember: UInt32? {
        isInverted || !members.tests.isEmpty ? nil : members.ranges.onlyMember
    }

    /// Whether the class accepts `scalar`.
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 64 { return asciiLow & (1 << value) != 0 }
        if value < 128 { return asciiHigh & (1 << (value - 64)) != 0 }
        return members.contains(scalar) != isInverted
    }
}

extension CategoryTest {
    /// Tests accepting the same scalars as any of `tests`, with alike tests merged into one,
    /// so that a class spelling `\pL` many times still costs one lookup per scalar.
    static func merged(_ tests: [CategoryTest]) -> [CategoryTest] {
        var result: [CategoryTest] = []
        for test in tests {
            let alike = result.firstIndex {
                $0.isNegated == test.isNegated && $0.isCaseFolded == test.isCaseFolded
                    && (!test.isNegated || !test.isCaseFolded || $0.categories == test.categories)
            }
            guard let alike else {
                result.append(test)
                continue
            }
            let other = result[alike].categories
            // Not-in-A or not-in-B is not-in-(A and B); in-A or in-B is in-(A or B).
            let categories = test.isNegated ? other.intersection(test.categories) : other.union(test.categories)
            result[alike] = CategoryTest(
                categories: categories, isNegated: test.isNegated, isCaseFolded: test.isCaseFolded)
        }
        return result
    }
}
