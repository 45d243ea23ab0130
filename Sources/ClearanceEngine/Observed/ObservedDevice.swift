import ClearanceCore
import ClearanceDocument
import ClearancePolicy

/// One device a device manager's export lists and links to a person, as a checklist shows it: which device, whether it
/// is managed, encrypted and compliant, on what OS version, when it last checked in.
public struct ObservedDevice: Sendable, Equatable {
    /// The ManagedDevice document's id: `<system>:<serial>`.
    public let id: String
    /// The device manager: intune, jamf.
    public let system: String
    /// The hardware serial number.
    public let serial: String
    /// The device's name in the device manager, when it has one.
    public let name: String?
    /// Whether the device manager still manages it.
    public let managed: Bool
    /// Whether its disk is encrypted: `nil` when the export does not say.
    public let encrypted: Bool?
    /// `compliant`, `noncompliant` or `unknown`.
    public let compliance: String
    /// The operating system's version, when reported.
    public let osVersion: String?
    /// `company` or `personal`, when reported.
    public let ownerType: String?
    /// When it last checked in; `nil` when none is recorded.
    public let lastCheckin: Timestamp?
    /// Where its record is in the export.
    public let location: SourceLocation

    /// Creates a device from its parts.
    public init(id: String, system: String, serial: String, name: String?, managed: Bool, encrypted: Bool?, compliance: String,
                osVersion: String?, ownerType: String?, lastCheckin: Timestamp?, location: SourceLocation) {
        self.id = id
        self.system = system
        self.serial = serial
        self.name = name
        self.managed = managed
        self.encrypted = encrypted
        self.compliance = compliance
        self.osVersion = osVersion
        self.ownerType = ownerType
        self.lastCheckin = lastCheckin
        self.location = location
    }

    /// Reads a ManagedDevice document.
    public init(_ document: InputDocument) {
        let root = document.root
        self.init(id: document.id, system: root["system"]?.string ?? "", serial: root["serial"]?.string ?? document.id, name: root["name"]?.string,
                  managed: root["managed"]?.bool ?? false, encrypted: root["encrypted"]?.bool, compliance: root["compliance"]?.string ?? "unknown",
                  osVersion: root["os_version"]?.string, ownerType: root["owner_type"]?.string, lastCheckin: root["last_checkin"]?.timestamp,
                  location: root.location)
    }

    /// The name shown for it: the device manager's name with the serial beside it, or the serial alone.
    public var label: String {
        guard let name, !name.isEmpty, name != serial else { return serial }
        return "\(name) (\(serial))"
    }

    /// Management, encryption and compliance in words: `managed · encrypted · compliant`.
    public var stateText: String {
        let encryption = switch encrypted {
        case true?: "encrypted"
        case false?: "not encrypted"
        case nil: "encryption not reported"
        }
        let judged = compliance == "unknown" ? "compliance unknown" : compliance
        return [managed ? "managed" : "not managed", encryption, judged].joined(separator: " · ")
    }

    /// The last check-in in words: a date and time, or `none recorded`.
    public var lastCheckinText: String {
        lastCheckin?.rfc3339 ?? "none recorded"
    }

    /// Devices in the order checklists list them: by system, then name and serial.
    public static func ordered(_ devices: [ObservedDevice]) -> [ObservedDevice] {
        devices.sorted { ($0.system, $0.label) < ($1.system, $1.label) }
    }
}
