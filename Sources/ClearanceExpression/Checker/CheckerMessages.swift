/// Every message the checker produces, in one place.
enum CheckerMessages {
    static func undeclared(_ name: String, suggestion: String?) -> String {
        "undeclared reference to '\(name)'" + didYouMean(suggestion)
    }
    static func unknownFunction(_ name: String, suggestion: String?) -> String {
        "unknown function '\(name)'" + didYouMean(suggestion)
    }
    static func unknownMethod(_ name: String, suggestion: String?) -> String {
        "unknown method '\(name)'" + didYouMean(suggestion)
    }
    static func notAMethod(_ name: String) -> String { "'\(name)' is a function, not a method: call it as \(name)(x)" }
    static func notAFunction(_ name: String) -> String { "'\(name)' is a method: call it on a value, as in x.\(name)(...)" }
    static func arity(_ name: String, method: Bool, expected: [Int], got: Int) -> String {
        let counts = expected.sorted().map(String.init)
        let list = counts.count <= 1 ? (counts.first ?? "0") : counts.dropLast().joined(separator: ", ") + " or " + (counts.last ?? "")
        let noun = expected == [1] ? "argument" : "arguments"
        return "\(method ? "method" : "function") '\(name)' takes \(list) \(noun), not \(got)"
    }
    static func noMatchingOverload(_ function: String, _ types: [ExpressionType]) -> String {
        "no matching overload for '\(Operator.display(function))' applied to (\(types.map(\.description).joined(separator: ", ")))"
    }
    static func noSuchField(_ field: String, in type: String, suggestion: String?) -> String {
        "no such field '\(field)' in \(type)" + didYouMean(suggestion)
    }
    static func noFieldSelection(_ type: ExpressionType, field: String) -> String {
        "type '\(type)' does not support field selection (selecting '\(field)')"
    }
    static func notIterable(_ macro: String, _ type: ExpressionType) -> String {
        "\(macro)() cannot iterate over \(type); it needs a list or a map"
    }
    static func notBool(_ what: String, _ type: ExpressionType) -> String { "\(what) must be a bool, not \(type)" }
    static func mapKey(_ type: ExpressionType) -> String { "map keys must be int, uint, bool or string, not \(type)" }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }
}

/// Finds the closest of several names to a misspelt one.
enum Suggestions {
    /// The candidate nearest to `name` by edit distance, when it is near enough to be a likely typo.
    static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance = editDistance(target, Array(candidate.lowercased()))
            let limit = max(1, min(target.count, candidate.count) / 3)
            guard distance <= limit else { continue }
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.name) {  // safe: best checked non-nil
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// Levenshtein distance, with a transposition counting as one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
