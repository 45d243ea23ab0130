import ClearanceCore
import ClearanceEngine

/// A person's managed devices as the device managers' exports observed them, as `clearance checklist` prints them: a heading
/// per system, then each device's name and serial, state, OS version and last check-in, and the record's place. Everything read
/// from an export is escaped.
public enum ObservedDevicesText {
    /// The lines, heading first; none without devices.
    public static func lines(_ devices: [ObservedDevice], style: TextStyle = TextStyle(enabled: false)) -> [String] {
        guard !devices.isEmpty else { return [] }
        let shown = VisibleText.value
        var lines = [style.bold("Devices observed in the sources")]
        var heading: String?
        for device in devices {
            let system = shown(device.system)
            if system != heading {
                lines.append("  " + system)
                heading = system
            }
            var facts = [device.stateText]
            if let version = device.osVersion { facts.append("OS " + shown(version)) }
            if device.ownerType == "personal" { facts.append("personal") }
            facts.append("last check-in " + device.lastCheckinText)
            lines.append("    " + TextReporter.pad(shown(device.label), 16) + " " + facts.joined(separator: " · "))
            lines.append("      " + style.dim(shown(device.location.description)))
        }
        return lines
    }
}
