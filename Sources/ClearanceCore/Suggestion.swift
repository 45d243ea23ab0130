/// Finds the name a person most likely meant when they misspelt one.
public enum Suggestion {
    /// The closest candidate within a small edit distance, or `nil` when none is close.
    ///
    /// "Close" is at most 1 edit for names up to 4 characters, 2 up to 8, and 3 beyond.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let length = name.count
        let allowed = length <= 4 ? 1 : length <= 8 ? 2 : 3
        var best: (candidate: String, distance: Int)?
        // The distance is at least the difference in length: a long value (a 10 MB line) is never compared in full.
        for candidate in candidates where candidate != name && abs(candidate.count - length) <= allowed {
            let distance = editDistance(name, candidate)
            if distance <= allowed, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// `" (did you mean 'x'?)"`, or an empty string when nothing is close.
    public static func didYouMean(_ name: String, among candidates: some Sequence<String>, quote: String = "'") -> String {
        closest(to: name, among: candidates).map { " (did you mean \(quote)\($0)\(quote)?)" } ?? ""
    }

    /// The edit distance between two strings in characters, a swap of neighbours counting as one edit
    /// (optimal string alignment), so `hgih` is one edit from `high`.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
                }
            }
        }
        return rows[a.count][b.count]
    }
}
