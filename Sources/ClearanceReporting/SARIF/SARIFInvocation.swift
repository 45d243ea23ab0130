/// How Clearance was invoked: the command line, and the evaluation time and threshold it ran with.
struct SARIFInvocation: Encodable {
    /// The settings that decide the results: the as-of time (`now`) and the fail threshold.
    struct Properties: Encodable {
        var asOf: String
        var failOn: String
    }

    var executionSuccessful = true
    var commandLine: String
    var arguments: [String]
    var properties: Properties
    /// The rule overrides of clearance.yaml that applied in this run.
    var ruleConfigurationOverrides: [SARIFRuleOverride]
}
