import ClearanceCore
import ClearanceDocument

/// The `github-org-members` source format (to be written).
public struct GitHubOrgMembersFormat: SourceFormat {
    /// The format.
    public init() {}
    /// `github-org-members`.
    public var name: String { "github-org-members" }
    /// What the export is.
    public var summary: String { "github-org-members" }
    /// Its records' kind.
    public var recordKind: DocumentKind { .account }
    /// `github`.
    public var defaultSystem: String { "github" }
    /// Not written yet.
    public func records(in export: SourceExport) throws(Diagnostics) -> [ObservedRecord] {
        throw Diagnostics([Diagnostic(code: "source.unsupported", message: "format github-org-members is not read yet", file: export.file.path)])
    }
}
