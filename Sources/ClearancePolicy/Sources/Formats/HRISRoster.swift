import ClearanceCore
import ClearanceDocument

/// The `hris-roster` source format (to be written).
public struct HRISRosterFormat: SourceFormat {
    /// The format.
    public init() {}
    /// `hris-roster`.
    public var name: String { "hris-roster" }
    /// What the export is.
    public var summary: String { "hris-roster" }
    /// Its records' kind.
    public var recordKind: DocumentKind { .employment }
    /// `hris`.
    public var defaultSystem: String { "hris" }
    /// Not written yet.
    public func records(in export: SourceExport) throws(Diagnostics) -> [ObservedRecord] {
        throw Diagnostics([Diagnostic(code: "source.unsupported", message: "format hris-roster is not read yet", file: export.file.path)])
    }
}
