import ClearanceDocument
import ClearanceExpression

/// The variables every policy expression may use, each at a fixed slot.
///
/// Slots are the same in every policy, so one ``Bindings`` per document serves every rule.
public enum PolicyBindings {
    /// The target document: `member`, `vendor` or `manifest`.
    public static let target = 0
    /// The policy's `params`.
    public static let params = 1
    /// The evaluation time.
    public static let now = 2
    /// Every TeamMember by id.
    public static let members = 3
    /// Every Vendor by id.
    public static let vendors = 4
    /// A `for_each` rule's element.
    public static let element = 5

    /// The names no `for_each` variable may take.
    public static let reservedNames: Set<String> = ["member", "vendor", "manifest", "params", "now", "members", "vendors"]

    /// The declarations of a policy with a given target and params type, plus an optional loop variable,
    /// for documents whose keys are symbols of `symbols`.
    /// `params` is declared as the constant it is, so the planner folds what depends only on it.
    static func declarations(target: DocumentKind, params: ExpressionType, paramsValue: Value,
                             element: (name: String, type: ExpressionType)? = nil, symbols: SymbolTable) -> Declarations {
        var declarations = Declarations(symbols: symbols)
        declarations.declare(target.bindingName, as: TypeMapping.type(of: target))
        declarations.declare("params", as: params, constant: paramsValue)
        declarations.declare("now", as: .timestamp)
        declarations.declare("members", as: .map(.string, TypeMapping.type(of: .teamMember)))
        declarations.declare("vendors", as: .map(.string, TypeMapping.type(of: .vendor)))
        declarations.declare(element?.name ?? "(no for_each element)", as: element?.type ?? .dyn)  // a name no expression can spell
        return declarations
    }
}
