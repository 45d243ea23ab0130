import ClearanceCore
import ClearanceDocument

/// The `okta-users` source format (to be written).
public struct OktaUsersFormat: SourceFormat {
    /// The format.
    public init() {}
    /// `okta-users`.
    public var name: String { "okta-users" }
    /// What the export is.
    public var summary: String { "okta-users" }
    /// Its records' kind.
    public var recordKind: DocumentKind { .account }
    /// `okta`.
    public var defaultSystem: String { "okta" }
    /// Not written yet.
    public func records(in export: SourceExport) throws(Diagnostics) -> [ObservedRecord] {
        throw Diagnostics([Diagnostic(code: "source.unsupported", message: "format okta-users is not read yet", file: export.file.path)])
    }
}
