import ClearanceCore
import Foundation

/// Time zones for the timestamp accessors: IANA names (`America/Mexico_City`) or fixed offsets (`-06:00`).
enum TimeZones {
    /// Seconds east of UTC of a zone at an instant, or an error for an unknown zone.
    static func offset(of zone: String, at instant: Timestamp) throws(EvaluationError) -> Int {
        if let fixed = fixedOffset(zone) { return fixed }
        guard !zone.contains(":"), let timeZone = TimeZone(identifier: zone) else {
            throw EvaluationError(message: RuntimeMessages.invalidTimeZone(zone))
        }
        return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.seconds)))
    }

    /// A `[+-]HH:MM` offset in seconds, read as cel-go reads it; `nil` when the text has no colon.
    static func fixedOffset(_ zone: String) -> Int? {
        guard let colon = zone.firstIndex(of: ":") else { return nil }
        let hoursText = zone[..<colon], minutesText = zone[zone.index(after: colon)...]
        guard let hours = Int(hoursText), let minutes = Int(minutesText), !minutesText.hasPrefix("-"), !minutesText.hasPrefix("+"),
              (-23...23).contains(hours), (0...59).contains(minutes) else { return nil }
        let totalMinutes = hoursText.hasPrefix("-") ? hours * 60 - minutes : hours * 60 + minutes
        return totalMinutes * 60
    }

    /// The calendar fields of an instant in a zone (UTC when `zone` is `nil`).
    static func civil(_ instant: Timestamp, zone: String?) throws(EvaluationError) -> CivilTime {
        guard let zone else { return CivilTime(seconds: instant.seconds) }
        return CivilTime(seconds: instant.seconds + Int64(try offset(of: zone, at: instant)))
    }
}
