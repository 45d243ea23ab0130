import ClearanceCore
import ClearanceDocument

/// The `intune-devices` source format: the devices Microsoft Intune manages, as Graph's
/// `GET /deviceManagement/managedDevices` returns them (the `{"value": […]}` page, an array of pages, or the bare array).
/// Each device becomes a ManagedDevice whose native id is its serial number (`serialNumber`).
///
/// `complianceState`: compliant is `compliant`; noncompliant, conflict, error and inGracePeriod (noncompliant, with time
/// left to fix it) are `noncompliant`; unknown and configManager (judged by Configuration Manager, not Intune) are `unknown`.
/// `managementState` managed or unhealthy is still managed; a pending or issued retire or wipe, a discovered device and the
/// rest are not; absent, the device is managed (it is in the managed devices list). A `lastSyncDateTime` of
/// 0001-01-01T00:00:00Z is Graph's "never". The owner is `emailAddress`, else `userPrincipalName`.
public struct IntuneDevicesFormat: SourceFormat {
    /// The format.
    public init() {}
    /// `intune-devices`.
    public var name: String { "intune-devices" }
    /// What the export is.
    public var summary: String { "the devices Microsoft Intune manages: the JSON of Graph's GET /deviceManagement/managedDevices" }
    /// Its records' kind.
    public var recordKind: DocumentKind { .managedDevice }
    /// `intune`.
    public var defaultSystem: String { "intune" }

    /// Graph's compliance states and the compliance each means.
    static let complianceStates: [String: String] = [
        "compliant": "compliant", "noncompliant": "noncompliant", "conflict": "noncompliant", "error": "noncompliant",
        "inGracePeriod": "noncompliant", "unknown": "unknown", "configManager": "unknown",
    ]
    /// Graph's management states of a device still managed.
    static let managedStates: Set<String> = ["managed", "unhealthy"]
    /// Graph's owner types: company and personal as they are; `unknown` says nothing.
    static let ownerTypes: Set<String> = ["company", "personal", "unknown"]

    private static let expected = "the JSON of Graph's GET /deviceManagement/managedDevices: an object with `value`, an array of such pages, or the array of devices"

    /// Every device, as a ManagedDevice.
    public func records(in export: SourceExport) throws(Diagnostics) -> [ObservedRecord] {
        try DeviceExport.records(in: export, noun: "device", wrapper: "value", expected: Self.expected, required: ["serialNumber", "complianceState"]) { node, position, devices in
            record(node, position: position, in: &devices)
        }
    }

    /// The ManagedDevice of one device and its serial's node, or nil (with problems) when a required field is missing or wrong.
    private func record(_ node: Node, position: Int, in devices: inout JSONExport) -> (ObservedRecord, Node)? {
        let before = devices.problems.count
        let serial = devices.string("serialNumber", of: node, position: position, required: true)
        let name = devices.string("deviceName", of: node, position: position)
        let principal = devices.string("userPrincipalName", of: node, position: position)
        let email = devices.string("emailAddress", of: node, position: position)
        let compliance = devices.string("complianceState", of: node, position: position, required: true)
        let encrypted = devices.bool("isEncrypted", of: node, position: position)
        let version = devices.string("osVersion", of: node, position: position)
        let sync = devices.time("lastSyncDateTime", of: node)
        let management = devices.string("managementState", of: node, position: position)
        let owner = devices.string("managedDeviceOwnerType", of: node, position: position)
        let state = devices.lookup(compliance, in: Self.complianceStates, naming: "compliance state")
        var ownerType: String?
        if let text = owner.text, let ownerNode = owner.node {
            if Self.ownerTypes.contains(text) {
                ownerType = text == "unknown" ? nil : text
            } else {
                devices.problem(ownerNode, code: "source.value", "unknown owner type \(text.quotedExcerpt); expected company, personal or unknown")
            }
        }
        guard devices.problems.count == before, let nativeID = serial.text, let serialNode = serial.node, let state, let complianceNode = compliance.node else {
            return nil
        }
        let at = JSONExport.offset(node)
        func offset(_ node: Node?) -> Int { node.map(JSONExport.offset) ?? at }
        let ownerEmail = [email, principal].first { $0.text.map { !$0.isEmpty } ?? false }
        let never = Timestamp(seconds: -62_135_596_800)  // 0001-01-01T00:00:00Z, Graph's "never"
        let managed = management.text.map(Self.managedStates.contains) ?? true
        let record = DeviceExport.record(
            serial: nativeID, at: offset(serialNode), position: position, offset: at, name: .string(name.text, at: offset(name.node)),
            ownerEmail: .string(ownerEmail?.text, at: offset(ownerEmail?.node)), managed: .bool(managed, at: offset(management.node)),
            encrypted: .bool(encrypted.flag, at: offset(encrypted.node)), osVersion: .string(version.text, at: offset(version.node)),
            compliance: .string(state, at: offset(complianceNode)),
            lastCheckin: .time(sync.time == never ? nil : sync.time, at: offset(sync.node)), ownerType: .string(ownerType, at: offset(owner.node)))
        return (record, serialNode)
    }
}
