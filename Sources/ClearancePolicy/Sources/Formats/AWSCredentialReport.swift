import ClearanceCore
import ClearanceDocument

/// The `aws-iam-credential-report` source format (to be written).
public struct AWSCredentialReportFormat: SourceFormat {
    /// The format.
    public init() {}
    /// `aws-iam-credential-report`.
    public var name: String { "aws-iam-credential-report" }
    /// What the export is.
    public var summary: String { "aws-iam-credential-report" }
    /// Its records' kind.
    public var recordKind: DocumentKind { .account }
    /// `aws`.
    public var defaultSystem: String { "aws" }
    /// Not written yet.
    public func records(in export: SourceExport) throws(Diagnostics) -> [ObservedRecord] {
        throw Diagnostics([Diagnostic(code: "source.unsupported", message: "format aws-iam-credential-report is not read yet", file: export.file.path)])
    }
}
