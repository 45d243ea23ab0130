/// Finds the name a person most likely meant when they misspelt one.
public enum Suggestion {
    /// The closest candidate within a small edit distance, or `nil` when none is close.
    ///
    /// "Close" is at most 1 edit for names up to 4 characters, 2 up to 8, and 3 beyond.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let allowed = name.count <= 4 ? 1 : name.count <= 8 ? 2 : 3
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance = editDistance(name, candidate)
            if distance <= allowed, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// `" (did you mean 'x'?)"`, or an empty string when nothing is close.
    public static func didYouMean(_ name: String, among candidates: some Sequence<String>, quote: String = "'") -> String {
        closest(to: name, among: candidates).map { " (did you mean \(quote)\($0)\(quote)?)" } ?? ""
    }

    /// The Levenshtein distance between two strings, counted in characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
