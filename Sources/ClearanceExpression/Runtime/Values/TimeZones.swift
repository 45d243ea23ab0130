import ClearanceCore
import Foundation

/// Time zones for the timestamp accessors: IANA names (`America/Mexico_City`) or fixed offsets (`-06:00`).
public enum TimeZones {
    /// Seconds east of UTC of a zone at an instant, or an error for an unknown zone.
    static func offset(of zone: String, at instant: Timestamp) throws(EvaluationError) -> Int {
        if let fixed = fixedOffset(zone) { return fixed }
        guard isIANAName(zone), let timeZone = TimeZone(identifier: zone) else {
            throw EvaluationError(message: RuntimeMessages.invalidTimeZone(zone))
        }
        return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.seconds)))
    }

    /// Whether expressions accept `zone`: a fixed offset, or a known IANA zone name.
    public static func isKnown(_ zone: String) -> Bool {
        do throws(EvaluationError) {
            guard let epoch = Timestamp(seconds: 0) else { return false }
            _ = try offset(of: zone, at: epoch)
            return true
        } catch {
            return false
        }
    }

    /// Whether `zone` is spelt like an IANA zone name (`America/Mexico_City`, `Etc/GMT+6`, `UTC`): letters, digits, `_`,
    /// `+`, `-` and inner `/`, never `..`. The zone database is read by name from disk, so nothing else may reach it.
    public static func isIANAName(_ zone: String) -> Bool {
        guard !zone.isEmpty, zone.utf8.count <= 64, !zone.hasPrefix("/"), !zone.hasSuffix("/"), !zone.contains(".."), !zone.contains("//") else { return false }
        return zone.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || "_+-/".utf8.contains(byte)
        }
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
