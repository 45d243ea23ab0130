/// Numbers to and from text the way cel-go converts them (Go's `strconv` and `%g`).
enum NumberText {
    /// A double as Go's `%g` writes it: shortest digits, exponent form below 1e-4 or from 1e6 (`1e+06`).
    static func format(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        // Swift's description gives the shortest round-tripping digits; take them apart.
        var text = d.magnitude.description
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        var digits = ""
        var pointPosition = text.count
        for (offset, character) in text.enumerated() {
            if character == "." { pointPosition = offset } else { digits.append(character) }
        }
        // Normalize: strip leading zeros (adjusting the point) and trailing zeros.
        var decimalPoint = pointPosition + exponent
        while digits.hasPrefix("0"), digits.count > 1 {
            digits.removeFirst()
            decimalPoint -= 1
        }
        while digits.hasSuffix("0"), digits.count > 1 { digits.removeLast() }
        let sign = d < 0 ? "-" : ""
        let exp = decimalPoint - 1
        if exp < -4 || exp >= 6 {
            var mantissa = String(digits.first ?? "0")
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let magnitude = abs(exp)
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + String(magnitude)
        }
        if decimalPoint <= 0 { return sign + "0." + String(repeating: "0", count: -decimalPoint) + digits }
        if decimalPoint >= digits.count { return sign + digits + String(repeating: "0", count: decimalPoint - digits.count) }
        let split = digits.index(digits.startIndex, offsetBy: decimalPoint)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// A double from text as Go's `ParseFloat` reads it: decimal or hex, `Inf`, `Infinity`, `NaN`.
    static func parseDouble(_ text: String) -> Double? {
        var body = Substring(text)
        var negative = false
        if let sign = body.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        // Byte by byte, so a long text that is no number is turned down in one cheap pass.
        if body.utf8.count <= 8 {
            switch body.lowercased() {
            case "inf", "infinity": return negative ? -.infinity : .infinity
            case "nan": return .nan
            default: break
            }
        }
        guard let first = body.utf8.first, isDigit(first) || first == UInt8(ascii: ".") else { return nil }
        guard body.utf8.allSatisfy({ isDigit($0) || Self.numberLetters.contains($0) }),
              let value = Double(body), value.isFinite else { return nil }
        return negative ? -value : value
    }

    /// The bytes besides decimal digits a number's text may hold: hex digits, point, exponent, signs.
    private static let numberLetters = Set("abcdefABCDEF.xXpP+-".utf8)

    /// An int from decimal text with an optional sign, as Go's `ParseInt(s, 10, 64)`.
    static func parseInt(_ text: String) -> Int64? {
        guard !text.isEmpty, text.utf8.dropFirst().allSatisfy(isDigit),
              let first = text.utf8.first, isDigit(first) || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") else { return nil }
        return Int64(text)
    }

    /// A uint from decimal text, as Go's `ParseUint(s, 10, 64)`.
    static func parseUInt(_ text: String) -> UInt64? {
        guard !text.isEmpty, text.utf8.allSatisfy(isDigit) else { return nil }
        return UInt64(text)
    }

    /// A bool from text, as Go's `ParseBool`: 1 t T TRUE true True 0 f F FALSE false False.
    static func parseBool(_ text: String) -> Bool? {
        switch text {
        case "1", "t", "T", "TRUE", "true", "True": true
        case "0", "f", "F", "FALSE", "false", "False": false
        default: nil
        }
    }
}
