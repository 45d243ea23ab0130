/// Renders a source line with a caret under one column, the way compilers show an error.
public enum SourceSnippet {
    /// The widest stretch of a line shown; longer lines are cut around the column with `…`.
    public static let maximumWidth = 120

    /// Returns the (possibly shortened) source line and the caret line beneath it.
    ///
    /// Tabs before the column are repeated in the caret line so the caret lines up in any editor.
    public static func render(line: String, column: Int) -> [String] {
        var scalars = Array(line.unicodeScalars.map { isPrintable($0) ? $0 : "\u{FFFD}" })
        var caretColumn = max(1, column)
        var prefix = "", suffix = ""
        if scalars.count > maximumWidth {
            let half = maximumWidth / 2
            let start = min(max(0, caretColumn - 1 - half), max(0, scalars.count - maximumWidth))
            let end = min(scalars.count, start + maximumWidth)
            if start > 0 { prefix = "…" }
            if end < scalars.count { suffix = "…" }
            scalars = Array(scalars[start..<end])
            caretColumn = caretColumn - start + (prefix.isEmpty ? 0 : 1)
            if !prefix.isEmpty { scalars.insert("…", at: 0) }
        }
        var shown = String(String.UnicodeScalarView(scalars)) + suffix
        while shown.hasSuffix("\r") { shown.removeLast() }
        var caret = ""
        for (index, scalar) in scalars.enumerated() where index < caretColumn - 1 {
            caret.append(scalar == "\t" ? "\t" : " ")
        }
        if caretColumn - 1 > scalars.count { caret += String(repeating: " ", count: caretColumn - 1 - scalars.count) }
        return [shown, caret + "^"]
    }

    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" { return true }
        if scalar.value < 0x20 || scalar.value == 0x7F { return false }
        if (0x80..<0xA0).contains(scalar.value) { return false }
        return true
    }
}
