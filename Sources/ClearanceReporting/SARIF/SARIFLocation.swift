import ClearanceCore

/// Where a result is: a file and the line and column of the element or document it is about.
struct SARIFLocation: Encodable {
    /// A file and a region in it.
    struct PhysicalLocation: Encodable {
        var artifactLocation: SARIFArtifactLocation
        var region: Region
    }

    /// The start of the region: 1-based line and column.
    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }

    var physicalLocation: PhysicalLocation

    /// The SARIF location of a source location.
    init(_ location: SourceLocation) {
        physicalLocation = PhysicalLocation(artifactLocation: SARIFArtifactLocation(path: location.file),
                                            region: Region(startLine: location.line, startColumn: location.column))
    }
}
