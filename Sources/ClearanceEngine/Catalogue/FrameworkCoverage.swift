import ClearancePolicy

/// How much of one framework's table the loaded rules cover: a listed control is covered when at
/// least one rule names it in `controls`; controls the table does not list are not counted.
public struct FrameworkCoverage: Sendable {
    /// The framework's table.
    public let table: ControlTable
    /// The listed controls no rule names, in the table's order.
    public let uncovered: [ControlTable.Entry]

    /// The coverage of `table` by `rules`.
    public init(table: ControlTable, rules: [RuleInfo]) {
        self.table = table
        uncovered = table.uncovered(by: rules.lazy.flatMap(\.controls))
    }

    /// How many listed controls at least one rule names.
    public var coveredCount: Int { table.controls.count - uncovered.count }
}
