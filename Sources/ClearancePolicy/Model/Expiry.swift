import ClearanceCore
import ClearanceDocument

/// When an `expires:` value (of a waiver or a rule override) stops applying, and how it was written.
struct Expiry {
    /// The end of the expiry day in UTC for a date, or the exact instant for a date-time.
    let end: Timestamp
    /// The expiry as written: `2026-12-31` or an RFC 3339 date-time.
    let text: String

    /// The expiry an `expires` node holding `expires` states.
    init(_ expires: Timestamp, writtenIn node: Node) {
        let isDate = node.document.isDate(node.id)
        end = isDate ? Timestamp(seconds: expires.seconds + 86_400) ?? expires : expires
        text = isDate ? String(expires.rfc3339.prefix(10)) : expires.rfc3339
    }
}
