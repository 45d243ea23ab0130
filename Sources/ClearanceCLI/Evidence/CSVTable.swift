import ClearanceCore
import Foundation

/// A CSV file (RFC 4180) whose cells cannot run as spreadsheet formulas nor carry terminal controls.
struct CSVTable {
    /// The header.
    let columns: [String]
    /// The rows, each as long as the header.
    var rows: [[String]] = []

    /// The file's text: CRLF line ends, a cell quoted when it holds a comma, a quote, CR or LF (quotes doubled).
    var text: String {
        ([columns] + rows).map { row in row.map(Self.cell).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A cell as written: control characters other than tab, CR and LF as `\u{1B}`-style escapes (``VisibleText``); one
    /// that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a
    /// leading apostrophe, unless it is a plain decimal number such as `-3.50`; then quoting.
    static func cell(_ value: String) -> String {
        var text = value
        if text.unicodeScalars.contains(where: isEscaped) {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if isEscaped(scalar) { scalars.append(contentsOf: VisibleText.escaped(String(scalar)).unicodeScalars) } else { scalars.append(scalar) }
            }
            text = String(scalars)
        }
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first), !isNumber(text) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether a character is written as an escape: a control character other than tab, CR and LF.
    static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        VisibleText.isControl(scalar) && scalar != "\t" && scalar != "\r" && scalar != "\n"
    }

    /// Whether the text is an optional minus sign, digits, and optionally a point and more digits.
    static func isNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }
    }
}
