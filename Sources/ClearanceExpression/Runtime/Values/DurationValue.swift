/// A signed span of time with nanosecond precision, within ±292 years (CEL's duration range).
///
/// Stored as a count of nanoseconds in 64 bits, as cel-go does, so every duration CEL can
/// produce fits and arithmetic past the range is a range error.
public struct DurationValue: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The length in nanoseconds.
    public let nanoseconds: Int64

    /// Creates a duration of a number of nanoseconds.
    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// Creates a duration of whole seconds plus nanoseconds, or `nil` past the range.
    public init?(seconds: Int64, nanos: Int64 = 0) {
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return nil }
        let (total, overflow2) = scaled.addingReportingOverflow(nanos)
        guard !overflow2 else { return nil }
        nanoseconds = total
    }

    /// Orders durations by length.
    public static func < (lhs: DurationValue, rhs: DurationValue) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    /// Whole seconds, truncated toward zero.
    public var seconds: Int64 { nanoseconds / 1_000_000_000 }

    /// The protobuf form: seconds with the fraction trimmed of trailing zeros, then `s` (`3600s`, `1.5s`).
    public var description: String {
        let magnitude = nanoseconds.magnitude
        var text = nanoseconds < 0 ? "-" : ""
        text += String(magnitude / 1_000_000_000)
        let fraction = magnitude % 1_000_000_000
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 9 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + "s"
    }

    /// Parses Go's duration syntax (`1h30m`, `1.5s`, `-2m`, `300ms`, `0`), plus days (`30d`).
    ///
    /// Units: `ns`, `us` (or `µs`), `ms`, `s`, `m`, `h`, `d` (24 hours). Returns `nil` when the
    /// text is malformed or the duration is outside the range.
    public static func parse(_ text: String) -> DurationValue? {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        if bytes.elementsEqual("0".utf8) { return DurationValue(nanoseconds: 0) }
        guard !bytes.isEmpty else { return nil }
        var total: UInt64 = 0
        while !bytes.isEmpty {
            var whole: UInt64 = 0, fraction: UInt64 = 0, scale: UInt64 = 1
            var sawDigit = false
            while let byte = bytes.first, isDigit(byte) {
                let (shifted, o1) = whole.multipliedReportingOverflow(by: 10)
                let (sum, o2) = shifted.addingReportingOverflow(UInt64(byte - 0x30))
                guard !o1, !o2 else { return nil }
                whole = sum
                sawDigit = true
                bytes = bytes.dropFirst()
            }
            if bytes.first == UInt8(ascii: ".") {
                bytes = bytes.dropFirst()
                while let byte = bytes.first, isDigit(byte) {
                    if scale < 1_000_000_000_000_000 {
                        fraction = fraction * 10 + UInt64(byte - 0x30)
                        scale *= 10
                    }
                    sawDigit = true
                    bytes = bytes.dropFirst()
                }
            }
            guard sawDigit else { return nil }
            var unitEnd = bytes.startIndex
            while unitEnd < bytes.endIndex, bytes[unitEnd] != UInt8(ascii: "."), !isDigit(bytes[unitEnd]) { unitEnd += 1 }
            guard let unit = unitNanoseconds(bytes[bytes.startIndex..<unitEnd]) else { return nil }
            bytes = bytes[unitEnd...]
            let (wholeNanos, o1) = whole.multipliedReportingOverflow(by: unit)
            guard !o1 else { return nil }
            // The fraction's share, rounded down as Go does.
            let fractionNanos = UInt64((Double(fraction) * Double(unit) / Double(scale)).rounded(.down))
            let (withFraction, o2) = wholeNanos.addingReportingOverflow(fractionNanos)
            let (sum, o3) = total.addingReportingOverflow(withFraction)
            guard !o2, !o3 else { return nil }
            total = sum
        }
        if negative {
            guard total <= UInt64(Int64.max) + 1 else { return nil }
            return DurationValue(nanoseconds: total == UInt64(Int64.max) + 1 ? Int64.min : -Int64(total))
        }
        guard total <= UInt64(Int64.max) else { return nil }
        return DurationValue(nanoseconds: Int64(total))
    }

    private static let units: [(name: [UInt8], nanoseconds: UInt64)] = [
        ("ns", 1), ("us", 1_000), ("µs", 1_000), ("μs", 1_000), ("ms", 1_000_000), ("s", 1_000_000_000),
        ("m", 60_000_000_000), ("h", 3_600_000_000_000), ("d", 86_400_000_000_000),
    ].map { (Array($0.0.utf8), $0.1) }

    /// The nanoseconds of a unit written as `name` (no text is built: a long duration has many units).
    private static func unitNanoseconds(_ name: ArraySlice<UInt8>) -> UInt64? {
        units.first { $0.name.elementsEqual(name) }?.nanoseconds
    }
}
