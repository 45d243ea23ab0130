import ClearanceCore
import ClearanceDocument

/// One format of vendor export Clearance reads as a source (`format:` in `clearance.yaml`): the kind of
/// record it gives, the files and options a source entry may add, and the reading of a file into records.
///
/// A reader matches CSV columns and JSON fields by name, ignores those it does not use, and ends with an
/// error at the file, line and column of a missing required column or field, a malformed row or an
/// unknown special value. It never reads a file of its own: the loader reads the files the entry names
/// and gives their bytes.
public protocol SourceFormat: Sendable {
    /// The name `format:` uses: `aws-iam-credential-report`.
    var name: String { get }
    /// What the export is, in a few words: "the AWS IAM credential report (CSV)".
    var summary: String { get }
    /// The kind of document each record becomes: Account, Employment or ManagedDevice.
    var recordKind: DocumentKind { get }
    /// The system its records belong to unless the entry's `system:` names another: aws, github, okta, hris.
    var defaultSystem: String { get }
    /// Whether an entry must name its system (`system:`): the format reads exports of many systems.
    var needsSystem: Bool { get }
    /// The keys of the entry naming further files the format reads (`admins`, `factors`), with what each holds.
    var extraFiles: [(key: String, summary: String)] { get }
    /// The keys of the entry's other options (`preset`, `columns`), with what each means.
    var options: [(key: String, summary: String)] { get }
    /// Problems with the entry's options (an unknown preset, a column map missing a required field), located in `clearance.yaml`.
    func problems(_ declaration: SourceDeclaration) -> [Diagnostic]
    /// Every record of the export; a malformed file is an error naming its line and column.
    func records(in export: SourceExport) throws(Diagnostics) -> [ObservedRecord]
}

extension SourceFormat {
    /// The format's records belong to one system.
    public var needsSystem: Bool { false }
    /// No further files.
    public var extraFiles: [(key: String, summary: String)] { [] }
    /// No options.
    public var options: [(key: String, summary: String)] { [] }
    /// No problems with options.
    public func problems(_ declaration: SourceDeclaration) -> [Diagnostic] { [] }
}

/// The files of one source as a format reads them: the main export and the further files the entry names.
public struct SourceExport: Sendable {
    /// The entry of `sources:`.
    public let declaration: SourceDeclaration
    /// The main export file, with its text (locations and snippets come from it).
    public let file: SourceFile
    /// The further files, by the entry's key (`admins`), each with its text.
    public let extras: [String: SourceFile]
    /// The limits files are read within.
    public let limits: LoaderLimits

    /// The files of a source.
    public init(declaration: SourceDeclaration, file: SourceFile, extras: [String: SourceFile] = [:], limits: LoaderLimits = .standard) {
        self.declaration = declaration
        self.file = file
        self.extras = extras
        self.limits = limits
    }
}

/// The formats Clearance reads, by name.
public struct SourceFormats: Sendable {
    /// The formats, in the order they are listed.
    public let formats: [any SourceFormat]

    /// The formats Clearance ships.
    public static let standard = SourceFormats([AWSCredentialReportFormat(), GitHubOrgMembersFormat(), OktaUsersFormat(), HRISRosterFormat(),
                                                GoogleWorkspaceUsersCSVFormat(), GoogleWorkspaceUsersFormat(), EntraUsersCSVFormat(),
                                                AtlassianUsersCSVFormat(), JamfComputersFormat(), IntuneDevicesFormat(), BatonGrantsFormat(),
                                                BatonCSVFormat()])

    /// A set of formats.
    public init(_ formats: [any SourceFormat]) { self.formats = formats }

    /// The format with a name.
    public func format(named name: String) -> (any SourceFormat)? { formats.first { $0.name == name } }

    /// Every format's name.
    public var names: [String] { formats.map(\.name) }
}
