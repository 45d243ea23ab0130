import ClearanceCore
import ClearanceDocument

/// The `jamf-computers` source format: the computers a Jamf Pro server manages, as
/// `GET /api/v1/computers-inventory?section=GENERAL&section=HARDWARE&section=OPERATING_SYSTEM&section=DISK_ENCRYPTION&section=USER_AND_LOCATION`
/// returns them (the `{"totalCount": …, "results": […]}` page, an array of pages, or the bare array of results).
/// Each computer becomes a ManagedDevice whose native id is its serial number (`hardware.serialNumber`).
///
/// Encryption comes from `operatingSystem.fileVault2Status` (ALL_ENCRYPTED and BOOT_ENCRYPTED are encrypted, SOME_ENCRYPTION
/// and NOT_ENCRYPTED are not, NOT_APPLICABLE is unknown), else (or when it is NOT_APPLICABLE) from the boot partition's
/// `diskEncryption.bootPartitionEncryptionDetails.partitionFileVault2State` (ENCRYPTED is encrypted; UNKNOWN and INELIGIBLE are
/// unknown; every other state, encrypting or decrypting included, is not yet or no longer encrypted). Jamf does not judge
/// compliance: it is `unknown`. The check-in is `general.lastContactTime`.
public struct JamfComputersFormat: SourceFormat {
    /// The format.
    public init() {}
    /// `jamf-computers`.
    public var name: String { "jamf-computers" }
    /// What the export is.
    public var summary: String { "the computers of a Jamf Pro server: the JSON of GET /api/v1/computers-inventory" }
    /// Its records' kind.
    public var recordKind: DocumentKind { .managedDevice }
    /// `jamf`.
    public var defaultSystem: String { "jamf" }

    /// What a FileVault status says of the disk.
    enum Encryption {
        case encrypted, notEncrypted, unknown

        /// As `encrypted` records it: true, false or null.
        var flag: Bool? { self == .unknown ? nil : self == .encrypted }
    }

    /// FileVault 2 statuses of the operating system section.
    static let fileVaultStatuses: [String: Encryption] = [
        "ALL_ENCRYPTED": .encrypted, "BOOT_ENCRYPTED": .encrypted, "SOME_ENCRYPTION": .notEncrypted, "NOT_ENCRYPTED": .notEncrypted,
        "NOT_APPLICABLE": .unknown,
    ]
    /// FileVault 2 states of the boot partition.
    static let partitionStates: [String: Encryption] = [
        "ENCRYPTED": .encrypted, "UNKNOWN": .unknown, "INELIGIBLE": .unknown, "UNENCRYPTED": .notEncrypted, "DECRYPTED": .notEncrypted,
        "DECRYPTING": .notEncrypted, "ENCRYPTING": .notEncrypted, "RESTART_NEEDED": .notEncrypted, "OPTIMIZING": .notEncrypted,
        "DECRYPTING_PAUSED": .notEncrypted, "ENCRYPTING_PAUSED": .notEncrypted,
    ]

    private static let expected = "the JSON of GET /api/v1/computers-inventory: an object with `results`, an array of such pages, or the array of results"

    /// Every computer, as a ManagedDevice.
    public func records(in export: SourceExport) throws(Diagnostics) -> [ObservedRecord] {
        try DeviceExport.records(in: export, noun: "computer", wrapper: "results", expected: Self.expected, required: ["general", "hardware"]) { node, position, computers in
            record(node, position: position, in: &computers)
        }
    }

    /// The ManagedDevice of one computer and its serial's node, or nil (with problems) when a required field is missing or wrong.
    private func record(_ node: Node, position: Int, in computers: inout JSONExport) -> (ObservedRecord, Node)? {
        let before = computers.problems.count
        let serial = computers.string("hardware.serialNumber", of: node, position: position)
        if serial.node == nil, computers.problems.count == before {
            computers.problem(node, "computer \(position) has no `hardware.serialNumber`; export the inventory with section=HARDWARE")
        }
        let name = computers.string("general.name", of: node, position: position)
        let managed = computers.bool("general.remoteManagement.managed", of: node, position: position, required: true)
        let lastContact = computers.time("general.lastContactTime", of: node)
        let version = computers.string("operatingSystem.version", of: node, position: position)
        let email = computers.string("userAndLocation.email", of: node, position: position)
        let encrypted = encryption(of: node, in: &computers)
        if let text = serial.text, text.isEmpty, let serialNode = serial.node { computers.problem(serialNode, "`hardware.serialNumber` is empty") }
        guard computers.problems.count == before, let nativeID = serial.text, let serialNode = serial.node, let isManaged = managed.flag else { return nil }
        let at = JSONExport.offset(node)
        func offset(_ node: Node?) -> Int { node.map(JSONExport.offset) ?? at }
        let record = DeviceExport.record(
            serial: nativeID, at: offset(serialNode), position: position, offset: at, name: .string(name.text, at: offset(name.node)),
            ownerEmail: .string(email.text.flatMap { $0.isEmpty ? nil : $0 }, at: offset(email.node)), managed: .bool(isManaged, at: offset(managed.node)),
            encrypted: .bool(encrypted.flag, at: offset(encrypted.node)), osVersion: .string(version.text, at: offset(version.node)),
            compliance: .string("unknown", at: at), lastCheckin: .time(lastContact.time, at: offset(lastContact.node)), ownerType: .null(at: at))
        return (record, serialNode)
    }

    /// Whether the computer's disk is encrypted (nil: unknown) and the node that says so: the operating system's FileVault status,
    /// else the boot partition's state; an unknown status or state is a problem.
    private func encryption(of node: Node, in computers: inout JSONExport) -> (flag: Bool?, node: Node?) {
        let status = computers.string("operatingSystem.fileVault2Status", of: node, position: 0)
        let said = computers.lookup(status, in: Self.fileVaultStatuses, naming: "FileVault status")
        let state = computers.string("diskEncryption.bootPartitionEncryptionDetails.partitionFileVault2State", of: node, position: 0)
        // The boot partition's state speaks where the operating system's status does not (absent, or NOT_APPLICABLE).
        if status.text != nil, said != .unknown || state.text == nil { return (said?.flag, status.node) }
        return (computers.lookup(state, in: Self.partitionStates, naming: "FileVault partition state")?.flag, state.node)
    }
}
