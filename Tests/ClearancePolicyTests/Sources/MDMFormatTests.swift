import ClearanceCore
import ClearanceDocument
import Foundation
import Testing
import ClearanceTestSupport
@testable import ClearancePolicy

/// The device managers' formats, `jamf-computers` and `intune-devices`, over small exports written from the vendors'
/// documented fields (EXPORTS.md A6), one special value each.
@Suite("MDM formats")
struct MDMFormatTests {
    typealias F = JSONSourceFixture
    let jamf = JamfComputersFormat()
    let intune = IntuneDevicesFormat()

    /// A Jamf Pro inventory page: an encrypted, managed Mac; a Mac no longer managed, not encrypted, silent since July; one
    /// whose FileVault status does not apply, with the boot partition still encrypting.
    static let jamfPage = """
        {"totalCount": 3, "results": [
          {"id": "12", "general": {"name": "MBP-ana", "lastContactTime": "2026-11-19T05:40:00.000Z",
            "remoteManagement": {"managed": true}}, "hardware": {"serialNumber": "C02ANA0001"},
           "operatingSystem": {"version": "15.6.1", "fileVault2Status": "ALL_ENCRYPTED"},
           "userAndLocation": {"email": "ana.lopez@example.com"}},
          {"id": "13", "general": {"name": "MBP-lee", "lastContactTime": "2026-07-11T07:00:00Z",
            "remoteManagement": {"managed": false}}, "hardware": {"serialNumber": "C02LEE0002"},
           "operatingSystem": {"version": "14.4", "fileVault2Status": "NOT_ENCRYPTED"},
           "userAndLocation": {"email": ""}},
          {"id": "14", "general": {"name": "MINI-build", "lastContactTime": null, "remoteManagement": {"managed": true}},
           "hardware": {"serialNumber": "C07MINI003"}, "operatingSystem": {"version": "15.1", "fileVault2Status": "NOT_APPLICABLE"},
           "diskEncryption": {"bootPartitionEncryptionDetails": {"partitionFileVault2State": "ENCRYPTING"}}}
        ]}
        """

    @Test func aJamfPageGivesEachComputerAtItsNodes() throws {
        let file = F.file("jamf.json", Self.jamfPage)
        let records = try F.records(jamf, file)
        #expect(records.map(\.nativeID) == ["C02ANA0001", "C02LEE0002", "C07MINI003"])
        #expect(records.map(F.text) == [
            """
            serial: "C02ANA0001", name: "MBP-ana", owner_email: "ana.lopez@example.com", managed: true, encrypted: true, \
            os_version: "15.6.1", compliance: "unknown", last_checkin: 2026-11-19T05:40:00Z, owner_type: null
            """,
            """
            serial: "C02LEE0002", name: "MBP-lee", owner_email: null, managed: false, encrypted: false, \
            os_version: "14.4", compliance: "unknown", last_checkin: 2026-07-11T07:00:00Z, owner_type: null
            """,
            // the OS section's status does not apply: what it says is unknown, whatever the partition does
            """
            serial: "C07MINI003", name: "MINI-build", owner_email: null, managed: true, encrypted: false, \
            os_version: "15.1", compliance: "unknown", last_checkin: null, owner_type: null
            """,
        ])
        #expect(F.at(records[1], "encrypted", in: file) == "8:63")
        #expect(F.at(records[1], "managed", in: file) == "7:37")
        #expect(F.at(records[0], "serial", in: file) == "3:74")
        // FileVault does not apply: the boot partition, still encrypting, says it is not encrypted yet
        #expect(F.at(records[2], "encrypted", in: file) == "12:86")
    }

    @Test func withoutAnOSStatusThePartitionStateDecides() throws {
        let file = F.file("jamf.json", """
            [{"general": {"remoteManagement": {"managed": true}}, "hardware": {"serialNumber": "A1"},
              "diskEncryption": {"bootPartitionEncryptionDetails": {"partitionFileVault2State": "ENCRYPTED"}}},
             {"general": {"remoteManagement": {"managed": true}}, "hardware": {"serialNumber": "A2"},
              "diskEncryption": {"bootPartitionEncryptionDetails": {"partitionFileVault2State": "DECRYPTING"}}},
             {"general": {"remoteManagement": {"managed": true}}, "hardware": {"serialNumber": "A3"},
              "diskEncryption": {"bootPartitionEncryptionDetails": {"partitionFileVault2State": "INELIGIBLE"}}},
             {"general": {"remoteManagement": {"managed": true}}, "hardware": {"serialNumber": "A4"}}]
            """)
        let records = try F.records(jamf, file)
        #expect(records.map { F.text(F.value($0, "encrypted")!) } == ["true", "false", "null", "null"])  // safe: every record has it
    }

    @Test func pagesOfJamfResultsAndABareArrayRead() throws {
        let pages = F.file("jamf.json", """
            [{"totalCount": 2, "results": [{"general": {"remoteManagement": {"managed": true}}, "hardware": {"serialNumber": "P1"}}]},
             {"totalCount": 2, "results": [{"general": {"remoteManagement": {"managed": true}}, "hardware": {"serialNumber": "P2"}}]}]
            """)
        #expect(try F.records(jamf, pages).map(\.nativeID) == ["P1", "P2"])
        #expect(try F.records(jamf, F.file("jamf.json", #"{"totalCount": 0, "results": []}"#)).isEmpty)
    }

    @Test func aComputerWithoutItsSerialOrManagementOrWithAnUnknownStatusIsAnError() {
        let file = F.file("jamf.json", """
            {"results": [
              {"general": {"name": "no-hardware", "remoteManagement": {"managed": true}}},
              {"general": {"name": "no-management"}, "hardware": {"serialNumber": "B2"}},
              {"general": {"remoteManagement": {"managed": "yes"}}, "hardware": {"serialNumber": "B3"}},
              {"general": {"remoteManagement": {"managed": true}}, "hardware": {"serialNumber": "B4"},
               "operatingSystem": {"fileVault2Status": "MOSTLY_ENCRYPTED"}},
              {"general": {"remoteManagement": {"managed": true}}, "hardware": {"serialNumber": "B4"}}
            ]}
            """)
        #expect(F.problems(jamf, file) == [
            "jamf.json:2:3: computer 1 has no `hardware.serialNumber`; export the inventory with section=HARDWARE",
            "jamf.json:3:3: computer 2 has no `general.remoteManagement.managed`",
            "jamf.json:4:48: `general.remoteManagement.managed` is a string; expected true or false",
            "jamf.json:6:44: unknown FileVault status 'MOSTLY_ENCRYPTED'; expected one of ALL_ENCRYPTED, BOOT_ENCRYPTED, NOT_APPLICABLE, "
                + "NOT_ENCRYPTED, SOME_ENCRYPTION",
        ])
        let twice = F.file("jamf.json", """
            {"results": [{"general": {"remoteManagement": {"managed": true}}, "hardware": {"serialNumber": "B4"}},
                         {"general": {"remoteManagement": {"managed": true}}, "hardware": {"serialNumber": "b4"}}]}
            """)
        #expect(F.problems(jamf, twice) == ["jamf.json:2:96: the serial number 'b4' is listed twice"])
    }

    @Test func anotherVendorsExportIsToldApart() {
        // Graph's page given as Jamf's: it has no `results`
        #expect(F.problems(jamf, F.file("devices.json", #"{"value": [{"serialNumber": "X"}]}"#)) == [
            "devices.json:1:1: the export is an object without a `results` array; expected the JSON of GET /api/v1/computers-inventory: "
                + "an object with `results`, an array of such pages, or the array of results",
        ])
        #expect(F.problems(jamf, F.file("jamf.json", "")) == [
            "jamf.json: the export is empty; expected the JSON of GET /api/v1/computers-inventory: an object with `results`, an array of such pages, "
                + "or the array of results",
        ])
    }

    /// A Graph page of managed devices: compliant and encrypted; in its grace period; never synced, with an unknown owner.
    static let intunePage = """
        {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#deviceManagement/managedDevices",
         "value": [
          {"id": "7f1a", "deviceName": "LAP-MARTA", "userPrincipalName": "marta.ruiz@example.com", "emailAddress": "Marta.Ruiz@example.com",
           "operatingSystem": "Windows", "osVersion": "10.0.22631.4460", "complianceState": "compliant", "isEncrypted": true,
           "lastSyncDateTime": "2026-11-19T04:12:09Z", "managementState": "managed", "managedDeviceOwnerType": "company",
           "jailBroken": "Unknown", "serialNumber": "PF3MARTA01"},
          {"id": "7f1b", "deviceName": "PIXEL-DIEGO", "userPrincipalName": "diego.hernandez@example.com", "emailAddress": "",
           "operatingSystem": "Android", "osVersion": "15", "complianceState": "inGracePeriod", "isEncrypted": true,
           "lastSyncDateTime": "2026-11-18T22:00:00Z", "managementState": "retirePending", "managedDeviceOwnerType": "personal",
           "serialNumber": "R5CDIEGO02"},
          {"id": "7f1c", "deviceName": "KIOSK", "userPrincipalName": null, "operatingSystem": "Windows",
           "complianceState": "configManager", "isEncrypted": false, "lastSyncDateTime": "0001-01-01T00:00:00Z",
           "managedDeviceOwnerType": "unknown", "serialNumber": "KIOSK00003"}
        ]}
        """

    @Test func aGraphPageGivesEachDeviceWithItsComplianceAndOwner() throws {
        let file = F.file("intune.json", Self.intunePage)
        let records = try F.records(intune, file)
        #expect(records.map(F.text) == [
            """
            serial: "PF3MARTA01", name: "LAP-MARTA", owner_email: "Marta.Ruiz@example.com", managed: true, encrypted: true, \
            os_version: "10.0.22631.4460", compliance: "compliant", last_checkin: 2026-11-19T04:12:09Z, owner_type: "company"
            """,
            // in its grace period it is noncompliant; a pending retire is no longer managed; an empty email gives way to the UPN
            """
            serial: "R5CDIEGO02", name: "PIXEL-DIEGO", owner_email: "diego.hernandez@example.com", managed: false, encrypted: true, \
            os_version: "15", compliance: "noncompliant", last_checkin: 2026-11-18T22:00:00Z, owner_type: "personal"
            """,
            // never synced (Graph's year 1), judged by Configuration Manager, no owner
            """
            serial: "KIOSK00003", name: "KIOSK", owner_email: null, managed: true, encrypted: false, \
            os_version: null, compliance: "unknown", last_checkin: null, owner_type: null
            """,
        ])
        #expect(F.at(records[1], "compliance", in: file) == "8:72")
        #expect(F.at(records[2], "last_checkin", in: file) == "12:82")
    }

    @Test func aDeviceWithoutItsSerialOrComplianceOrWithAnUnknownStateIsAnError() {
        let file = F.file("intune.json", """
            {"value": [
              {"deviceName": "NO-SERIAL", "complianceState": "compliant"},
              {"serialNumber": "S2"},
              {"serialNumber": "S3", "complianceState": "mostlyCompliant", "managedDeviceOwnerType": "shared"},
              {"serialNumber": "", "complianceState": "compliant", "isEncrypted": "yes"}
            ]}
            """)
        #expect(F.problems(intune, file) == [
            "intune.json:2:3: device 1 has no `serialNumber`",
            "intune.json:3:3: device 2 has no `complianceState`",
            "intune.json:4:45: unknown compliance state 'mostlyCompliant'; expected one of compliant, configManager, conflict, error, "
                + "inGracePeriod, noncompliant, unknown",
            "intune.json:4:90: unknown owner type 'shared'; expected company, personal or unknown",
            "intune.json:5:20: `serialNumber` is empty",
            "intune.json:5:71: `isEncrypted` is a string; expected true or false",
        ])
    }

    @Test func aJamfExportGivenAsIntuneIsToldApart() {
        #expect(F.problems(intune, F.file("jamf.json", Self.jamfPage)) == [
            "jamf.json:1:1: this looks like a Jamf Pro computers inventory (format jamf-computers), an object without a `value` array; "
                + "expected the JSON of Graph's GET /deviceManagement/managedDevices: "
                + "an object with `value`, an array of such pages, or the array of devices",
        ])
    }
}
