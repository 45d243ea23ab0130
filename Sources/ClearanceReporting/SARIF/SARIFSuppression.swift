import ClearancePolicy

/// A waiver as SARIF sees it: an external, accepted suppression with its justification.
struct SARIFSuppression: Encodable {
    /// Which waiver, who approved it and until when.
    struct Properties: Encodable {
        var waiver: String
        var approvedBy: String
        var expires: String
    }

    var kind = "external"
    var status = "accepted"
    var justification: String
    var properties: Properties

    /// The suppression of a waiver.
    init(_ waiver: Waiver) {
        justification = waiver.justification
        properties = Properties(waiver: waiver.id, approvedBy: waiver.approvedBy, expires: waiver.expiresText)
    }
}
