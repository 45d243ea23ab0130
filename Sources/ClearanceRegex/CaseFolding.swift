/// Simple case folding as RE2 uses it: scalars are equal when their simple case folds are equal.
///
/// Each group of equal scalars is an *orbit* (`k`, `K` and KELVIN SIGN U+212A; `s`, `S` and LONG S
/// U+017F; `ß` and `ẞ`). The table is derived once, on first use, from the standard library's
/// Unicode case mappings, so it follows the Unicode version of the Swift runtime.
enum CaseFolding {
    /// Every scalar that has a case-equivalent partner, with its orbit.
    private struct Table: Sendable {
        /// The scalars, sorted.
        var values: [UInt32] = []
        /// For each scalar, the index of its orbit in `orbits`.
        var orbitIndices: [Int] = []
        /// The orbits, each sorted.
        var orbits: [[UInt32]] = []
    }

    private static let table = buildTable()

    /// The scalars that fold to the same scalar as `value`, including `value` itself.
    static func orbit(of value: UInt32) -> [UInt32] {
        let index = lowerBound(of: value)
        guard index < table.values.count, table.values[index] == value else { return [value] }
        return table.orbits[table.orbitIndices[index]]
    }

    /// Calls `body` with every scalar outside `range` that is case-equivalent to a scalar inside it.
    /// - Complexity: O(*k*) for the *k* cased scalars in `range` (at most a few thousand).
    static func forEachFoldedMember(of range: ClosedRange<UInt32>, _ body: (UInt32) -> Void) {
        var index = lowerBound(of: range.lowerBound)
        while index < table.values.count, table.values[index] <= range.upperBound {
            for member in table.orbits[table.orbitIndices[index]] where !range.contains(member) {
                body(member)
            }
            index += 1
        }
    }

    private static func lowerBound(of value: UInt32) -> Int {
        var low = 0
        var high = table.values.count
        while low < high {
            let middle = (low + high) / 2
            if table.values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func buildTable() -> Table {
        // Every cased scalar is below U+20000; group them by the scalar they fold to.
        var pairs: [(key: UInt32, value: UInt32)] = []
        for value in UInt32(0)..<0x20000 {
            guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenCaseMapped else { continue }
            pairs.append((foldKey(of: scalar), value))
        }
        pairs.sort { ($0.key, $0.value) < ($1.key, $1.value) }
        var members: [(value: UInt32, orbit: Int)] = []
        var table = Table()
        var start = 0
        while start < pairs.count {
            var end = start + 1
            while end < pairs.count, pairs[end].key == pairs[start].key { end += 1 }
            var orbit = pairs[start..<end].map(\.value)
            if !orbit.contains(pairs[start].key) { orbit.append(pairs[start].key) }
            if orbit.count > 1 {
                members += orbit.map { ($0, table.orbits.count) }
                table.orbits.append(orbit.sorted())
            }
            start = end
        }
        members.sort { $0.value < $1.value }
        table.values = members.map(\.value)
        table.orbitIndices = members.map(\.orbit)
        return table
    }

    /// The scalar `scalar` folds to: the lowercase of its uppercase, where both are single scalars.
    private static func foldKey(of scalar: Unicode.Scalar) -> UInt32 {
        // Dotless i uppercases to I only under Turkic rules, which simple folding excludes.
        if scalar.value == 0x131 { return scalar.value }
        let upper = onlyScalar(of: scalar.properties.uppercaseMapping) ?? scalar
        return (onlyScalar(of: upper.properties.lowercaseMapping) ?? upper).value
    }

    private static func onlyScalar(of mapping: String) -> Unicode.Scalar? {
        let scalars = mapping.unicodeScalars
        guard let first = scalars.first, scalars.dropFirst().isEmpty else { return nil }
        return first
    }
}
