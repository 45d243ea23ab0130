/// A SARIF 2.1.0 log, the top-level object of a `.sarif` file.
struct SARIFLog: Encodable {
    /// The schema GitHub code scanning documents for SARIF 2.1.0.
    let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The SARIF version.
    let version = "2.1.0"
    /// The runs; Clearance writes one.
    var runs: [SARIFRun]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }
}
