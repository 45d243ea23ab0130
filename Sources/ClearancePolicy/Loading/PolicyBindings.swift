import ClearanceDocument
import ClearanceExpression

/// The variables every policy expression may use, each at a fixed slot.
///
/// Slots are the same in every policy over one ``DocumentKinds``, so one ``Bindings`` per
/// document serves every rule: the target, `params`, `now`, a `for_each` element, then one
/// lookup map per kind that contributes one (`members`, `vendors`), in registration order, then
/// each kind's indexes (`member_emails`, `member_idp_ids`).
public enum PolicyBindings {
    /// The target document: `member`, `vendor` or `manifest`.
    public static let target = 0
    /// The policy's `params`.
    public static let params = 1
    /// The evaluation time.
    public static let now = 2
    /// A `for_each` rule's element.
    public static let element = 3
    /// The first lookup map; the map of `kinds.lookups[i]` is at `firstLookup + i`, and `kinds.indexes[j]` follows them.
    public static let firstLookup = 4

    /// The declarations of a policy over `kinds` with a given target and params type, plus an optional loop variable,
    /// for documents whose keys are symbols of `symbols`.
    /// `params` is declared as the constant it is, so the planner folds what depends only on it.
    static func declarations(kinds: DocumentKinds, target: DocumentKind, params: ExpressionType, paramsValue: Value,
                             element: (name: String, type: ExpressionType)? = nil, symbols: SymbolTable) -> Declarations {
        var declarations = Declarations(symbols: symbols)
        declarations.declare(kinds.descriptor(target)?.bindingName ?? "(unknown target)", as: kinds.type(of: target))
        declarations.declare("params", as: params, constant: paramsValue)
        declarations.declare("now", as: .timestamp)
        declarations.declare(element?.name ?? "(no for_each element)", as: element?.type ?? .dyn)  // a name no expression can spell
        for lookup in kinds.lookups {
            declarations.declare(lookup.lookupName ?? "", as: .map(.string, kinds.type(of: lookup.kind)))
        }
        for (kind, index) in kinds.indexes {
            declarations.declare(index.name, as: .map(.string, .list(index.holds == .ids ? .string : kinds.type(of: kind))))
        }
        return declarations
    }
}
