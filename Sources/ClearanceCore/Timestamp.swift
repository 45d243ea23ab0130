/// An instant in UTC with nanosecond precision, from 0001-01-01 to 9999-12-31 (the CEL range).
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// Nanoseconds within the second, 0 ..< 1,000,000,000.
    public let nanos: Int32

    /// The earliest representable second: 0001-01-01T00:00:00Z.
    public static let minimumSeconds: Int64 = -62_135_596_800
    /// The latest representable second: 9999-12-31T23:59:59Z.
    public static let maximumSeconds: Int64 = 253_402_300_799

    /// Creates a timestamp, or `nil` when it falls outside 0001-01-01 ... 9999-12-31 or `nanos` is out of range.
    public init?(seconds: Int64, nanos: Int32 = 0) {
        guard (Self.minimumSeconds...Self.maximumSeconds).contains(seconds), (0..<1_000_000_000).contains(nanos) else { return nil }
        self.seconds = seconds
        self.nanos = nanos
    }

    /// Orders instants in time.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.seconds != rhs.seconds ? lhs.seconds < rhs.seconds : lhs.nanos < rhs.nanos
    }

    /// The RFC 3339 form in UTC, with as many fractional digits as needed: `2026-02-02T15:00:00Z`.
    public var description: String { rfc3339 }

    /// The RFC 3339 form in UTC, with as many fractional digits as needed: `2026-02-02T15:00:00Z`.
    public var rfc3339: String {
        let parts = CivilTime(seconds: seconds)
        // `YYYY-MM-DDTHH:MM:SS`, then `.` and up to nine digits, then `Z`: at most 30 bytes, written in place.
        return String(unsafeUninitializedCapacity: 30) { text in
            var end = 0
            func digits(_ value: Int, _ width: Int) {
                var value = value
                for position in stride(from: end + width - 1, through: end, by: -1) {
                    text[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                end += width
            }
            func byte(_ character: Unicode.Scalar) {
                text[end] = UInt8(ascii: character)
                end += 1
            }
            digits(parts.year, 4)
            byte("-")
            digits(parts.month, 2)
            byte("-")
            digits(parts.day, 2)
            byte("T")
            digits(parts.hour, 2)
            byte(":")
            digits(parts.minute, 2)
            byte(":")
            digits(parts.second, 2)
            if nanos != 0 {
                byte(".")
                var fraction = Int(nanos), width = 9
                while fraction % 10 == 0 {
                    fraction /= 10
                    width -= 1
                }
                digits(fraction, width)
            }
            byte("Z")
            return end
        }
    }
}

/// A calendar date and time of day in the proleptic Gregorian calendar.
public struct CivilTime: Hashable, Sendable {
    /// The year, 1 ... 9999 for representable timestamps.
    public var year: Int
    /// The month, 1 ... 12.
    public var month: Int
    /// The day of the month, 1 ... 31.
    public var day: Int
    /// The hour, 0 ... 23.
    public var hour: Int
    /// The minute, 0 ... 59.
    public var minute: Int
    /// The second, 0 ... 59.
    public var second: Int

    /// Splits seconds since the Unix epoch into calendar fields (UTC).
    public init(seconds: Int64) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        (year, month, day) = Self.civil(fromDays: days)
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
    }

    /// Creates calendar fields directly.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    /// Seconds since the Unix epoch of these fields read as UTC.
    public var secondsSinceEpoch: Int64 {
        Self.days(year: year, month: month, day: day) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// The day of the week, 0 = Sunday.
    public var weekday: Int {
        let days = Self.days(year: year, month: month, day: day)
        return Int(((days % 7) + 11) % 7)  // 1970-01-01 was a Thursday (4)
    }

    /// The 0-based day of the year.
    public var dayOfYear: Int {
        Int(Self.days(year: year, month: month, day: day) - Self.days(year: year, month: 1, day: 1))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date.
    public static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a count of days since 1970-01-01.
    public static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        return (Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0), month, day)
    }

    /// The number of days in a month of a year.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
