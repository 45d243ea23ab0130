/// Reads `YYYY-MM-DD` dates and RFC 3339 date-times, with `T` or (as YAML's timestamp type allows) one space between date and time.
public enum TimestampSyntax {
    /// What a piece of text turned out to be.
    public enum Result: Equatable, Sendable {
        /// A valid date or date-time.
        case timestamp(Timestamp)
        /// The text does not have the shape of a date or date-time.
        case notATimestamp
        /// The text has the shape of one but a field is out of range; the string says which.
        case invalid(String)
    }

    /// Parses `text`; a date alone (`2026-02-02`, midnight UTC) is accepted only when `allowDate` is set.
    public static func parse(_ text: String, allowDate: Bool = true) -> Result {
        var text = text
        return text.withUTF8 { parse($0, allowDate: allowDate) }
    }

    /// Parses UTF-8 bytes; see ``parse(_:allowDate:)``.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, allowDate: Bool = true) -> Result {
        var reader = DigitReader(bytes: bytes)
        guard let year = reader.digits(4), reader.take(UInt8(ascii: "-")),
              let month = reader.digits(2), reader.take(UInt8(ascii: "-")),
              let day = reader.digits(2) else { return .notATimestamp }
        var hour = 0, minute = 0, second = 0, nanos = 0, offsetSeconds = 0
        if reader.atEnd {
            guard allowDate else { return .notATimestamp }
        } else {
            guard reader.take(UInt8(ascii: "T")) || reader.take(UInt8(ascii: "t")) || reader.take(UInt8(ascii: " ")),
                  let h = reader.digits(2), reader.take(UInt8(ascii: ":")),
                  let m = reader.digits(2), reader.take(UInt8(ascii: ":")),
                  let s = reader.digits(2) else { return .notATimestamp }
            (hour, minute, second) = (h, m, s)
            if reader.take(UInt8(ascii: ".")) {
                var count = 0
                while let digit = reader.digit() {
                    if count < 9 { nanos = nanos * 10 + digit }
                    count += 1
                }
                guard count > 0 else { return .notATimestamp }
                for _ in min(count, 9)..<9 { nanos *= 10 }
            }
            if reader.take(UInt8(ascii: "Z")) || reader.take(UInt8(ascii: "z")) {
                offsetSeconds = 0
            } else {
                let sign: Int
                if reader.take(UInt8(ascii: "+")) { sign = 1 } else if reader.take(UInt8(ascii: "-")) { sign = -1 } else { return .notATimestamp }
                guard let oh = reader.digits(2), reader.take(UInt8(ascii: ":")), let om = reader.digits(2) else { return .notATimestamp }
                guard oh <= 23, om <= 59 else { return .invalid("time zone offset out of range") }
                offsetSeconds = sign * (oh * 3600 + om * 60)
            }
            guard reader.atEnd else { return .notATimestamp }
        }
        guard year >= 1 else { return .invalid("year 0000 does not exist") }
        guard (1...12).contains(month) else { return .invalid("month \(month) does not exist") }
        let monthDays = CivilTime.daysInMonth(year: year, month: month)
        guard (1...monthDays).contains(day) else {
            return .invalid("day \(day) does not exist in \(monthName(month)) \(year), which has \(monthDays) days")
        }
        guard hour <= 23 else { return .invalid("hour \(hour) is out of range 00-23") }
        guard minute <= 59 else { return .invalid("minute \(minute) is out of range 00-59") }
        guard second <= 59 else { return .invalid("second \(second) is out of range 00-59") }
        let civil = CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let timestamp = Timestamp(seconds: civil.secondsSinceEpoch - Int64(offsetSeconds), nanos: Int32(nanos)) else {
            return .invalid("outside the range 0001-01-01 to 9999-12-31")
        }
        return .timestamp(timestamp)
    }

    private static func monthName(_ month: Int) -> String {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][month - 1]
    }
}

/// A cursor over ASCII digits and punctuation.
struct DigitReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    var atEnd: Bool { position == bytes.count }

    mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    mutating func digit() -> Int? {
        guard position < bytes.count, (48...57).contains(bytes[position]) else { return nil }
        position += 1
        return Int(bytes[position - 1] - 48)
    }

    mutating func digits(_ count: Int) -> Int? {
        var value = 0
        for _ in 0..<count {
            guard let d = digit() else { return nil }
            value = value * 10 + d
        }
        return value
    }
}
