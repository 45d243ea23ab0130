import ClearanceCore
import ClearanceDocument

/// What the device managers' JSON formats share: reading their pages of devices (refusing another format's), each serial number once, and the fields of a
/// ManagedDevice record in the kind's order.
enum DeviceExport {
    /// The devices of an export of `noun`s (`computer`, `device`): the objects of a page under `wrapper`, of an array of such
    /// pages, or of the bare array, each made a record by `read` (`required`: the top-level fields every one has); a serial number listed twice (in any case) is a problem.
    static func records(in export: SourceExport, noun: String, wrapper: String, expected: String, required: [String],
                        read: (Node, Int, inout JSONExport) -> (ObservedRecord, Node)?) throws(Diagnostics) -> [ObservedRecord] {
        var list = try JSONExport(export.file, limits: export.limits, noun: noun, what: expected)
        let nodes = list.records(expected: expected, wrapper: wrapper)
        try list.refuseOtherFormat(nodes, format: export.declaration.format, required: required, what: "\(noun) inventory")
        let records = list.uniqueRecords(nodes, named: "the serial number", key: { $0.uppercased() }, read: read).records
        guard list.problems.isEmpty else { throw Diagnostics(list.firstProblems) }
        return records
    }

    /// The ManagedDevice record of one device, its serial number the native id, every value at the node that said it.
    static func record(serial: String, at serialAt: Int, position: Int, offset: Int, name: ObservedValue, ownerEmail: ObservedValue,
                       managed: ObservedValue, encrypted: ObservedValue, osVersion: ObservedValue, compliance: ObservedValue,
                       lastCheckin: ObservedValue, ownerType: ObservedValue) -> ObservedRecord {
        ObservedRecord(nativeID: serial, position: position, offset: offset, fields: [
            ObservedField("serial", .string(serial, at: serialAt)), ObservedField("name", name), ObservedField("owner_email", ownerEmail),
            ObservedField("managed", managed), ObservedField("encrypted", encrypted), ObservedField("os_version", osVersion),
            ObservedField("compliance", compliance), ObservedField("last_checkin", lastCheckin), ObservedField("owner_type", ownerType),
        ])
    }
}
