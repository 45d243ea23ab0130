/// The standard functions and operators of the CEL subset, as data.
enum StandardLibrary {
    /// Every declaration.
    static let declarations: [FunctionDecl] = operators + conversions + stringFunctions + timeFunctions

    /// Declarations by name.
    static let byName: [String: FunctionDecl] = {
        var table: [String: FunctionDecl] = [:]
        for declaration in declarations { table[declaration.name] = declaration }
        return table
    }()

    /// The names a person can call (operators excluded), for "did you mean" suggestions.
    static let callableNames: [String] = declarations.map(\.name).filter { !$0.hasPrefix("_") && !$0.hasPrefix("@") && !$0.hasSuffix("_") }
}
