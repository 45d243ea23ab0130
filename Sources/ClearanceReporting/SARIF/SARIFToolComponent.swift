/// The `tool.driver` of a run: Clearance, its version, and one reporting descriptor per rule.
struct SARIFToolComponent: Encodable {
    var name = "Clearance"
    var version: String
    var informationUri = "https://github.com/clearance/clearance"
    var rules: [SARIFRule]
}
