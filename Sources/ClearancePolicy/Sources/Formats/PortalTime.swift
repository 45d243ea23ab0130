import ClearanceCore

/// The date-times admin portals write in their CSV downloads, none of which names its time zone (each is read as UTC):
/// Google Workspace's `2026/08/27 15:15:08`, Entra ID's en-US `10/27/2026 2:05:11 PM` and Atlassian's `3 Jan 2024`.
enum PortalTime {
    /// `YYYY/MM/DD HH:MM:SS` read as UTC (Google Workspace's "Download users"); anything else is not one.
    static func slashed(_ text: String) -> TimestampSyntax.Result {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2, let date = numbers(parts[0], "/", widths: [4, 2, 2]), let time = numbers(parts[1], ":", widths: [2, 2, 2]) else {
            return .notATimestamp
        }
        return utc(year: date[0], month: date[1], day: date[2], hour: time[0], minute: time[1], second: time[2])
    }

    /// `M/D/YYYY h:mm:ss AM` or `PM` read as UTC (the Entra admin center's "Download users" in an en-US browser); anything else is not one.
    static func usDateTime(_ text: String) -> TimestampSyntax.Result {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, let date = numbers(parts[0], "/", widths: [1...2, 1...2, 4...4]),
              let time = numbers(parts[1], ":", widths: [1...2, 2...2, 2...2]), ["AM", "PM"].contains(parts[2].uppercased()) else {
            return .notATimestamp
        }
        guard (1...12).contains(time[0]) else { return .invalid("hour \(time[0]) is out of range 1-12") }
        let hour = time[0] % 12 + (parts[2].uppercased() == "PM" ? 12 : 0)
        return utc(year: date[2], month: date[0], day: date[1], hour: hour, minute: time[1], second: time[2])
    }

    /// The English month abbreviations, in order.
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `D Mon YYYY` (`3 Jan 2024`), the start of that day in UTC (admin.atlassian.com's "Export users"); anything else is not one.
    static func dayMonthYear(_ text: String) -> TimestampSyntax.Result {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, let day = numbers(parts[0], "/", widths: [1...2])?.first, let year = numbers(parts[2], "/", widths: [4...4])?.first,
              let month = months.firstIndex(of: parts[1].lowercased()) else {
            return .notATimestamp
        }
        return utc(year: year, month: month + 1, day: day, hour: 0, minute: 0, second: 0)
    }

    /// The numbers of `text` split at `separator`, each of exactly as many digits as `widths` says, or nil.
    private static func numbers(_ text: Substring, _ separator: Character, widths: [Int]) -> [Int]? {
        numbers(text, separator, widths: widths.map { $0...$0 })
    }

    private static func numbers(_ text: Substring, _ separator: Character, widths: [ClosedRange<Int>]) -> [Int]? {
        let fields = text.split(separator: separator, omittingEmptySubsequences: false)
        guard fields.count == widths.count else { return nil }
        var values: [Int] = []
        for (field, width) in zip(fields, widths) {
            guard width.contains(field.utf8.count), field.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int(field) else { return nil }
            values.append(value)
        }
        return values
    }

    /// The instant of the fields read as UTC, checked as an RFC 3339 date-time is (a day that does not exist is invalid).
    private static func utc(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> TimestampSyntax.Result {
        func pad(_ value: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(value).count)) + String(value) }
        return TimestampSyntax.parse("\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))Z", allowDate: false)
    }
}
