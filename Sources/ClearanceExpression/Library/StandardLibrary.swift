/// The standard functions and operators of the CEL subset, as data.
enum StandardLibrary {
    /// Every declaration.
    static let declarations: [FunctionDecl] = operators + conversions + stringFunctions + timeFunctions + deadlineFunctions

    /// Declarations by name.
    static let byName: [String: FunctionDecl] = {
        var table: [String: FunctionDecl] = [:]
        for declaration in declarations { table[declaration.name] = declaration }
        return table
    }()

}
