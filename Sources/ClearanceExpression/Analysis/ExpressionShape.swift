/// What an expression computes, written out so two expressions can be compared: its tree with every
/// variable by slot, every constant by value and every name quoted, and the variables it reads.
///
/// Two expressions checked against the same declarations with the same ``key`` compute the same value
/// from the same bindings. A variable declared as a constant (a policy's `params`) is written by slot,
/// not by value: ``readsConstants`` says when the key holds only among expressions of one set of constants.
public struct ExpressionShape: Sendable {
    /// The tree as text.
    public private(set) var key = ""
    /// The slots of the declared variables the expression reads.
    public private(set) var variableSlots = Set<Int>()
    /// Whether it reads a variable declared as a constant.
    public private(set) var readsConstants = false

    private let checked: CheckedExpression
    private let constants: [Value?]

    /// The shape of `expr`, a node of `checked`.
    init(_ expr: Expr, in checked: CheckedExpression, constants: [Value?]) {
        self.checked = checked
        self.constants = constants
        write(expr)
    }

    /// Writes each of `exprs` after a space, and closes the list they end.
    private mutating func write(each exprs: [Expr]) {
        for expr in exprs {
            key += " "
            write(expr)
        }
        key += ")"
    }

    private mutating func write(_ expr: Expr) {
        if let reference = checked.references[expr.id] { return write(reference) }
        switch expr.kind {
        case .constant(let constant):
            write(constant)
        case .ident(let name):
            key += "?" + name.debugDescription
        case .select(let operand, let field, let testOnly):
            key += testOnly ? "(has " : "(. "
            write(operand)
            key += " " + field.debugDescription + ")"
        case .call(let function, let target, let args):
            key += "(" + function.debugDescription
            if let target {
                key += " @"
                write(target)
            }
            write(each: args)
        case .list(let elements):
            key += "(list"
            write(each: elements)
        case .map(let entries):
            key += "(map"
            for entry in entries {
                key += " "
                write(entry.key)
                key += ":"
                write(entry.value)
            }
            key += ")"
        case .comprehension(let loop):
            key += "(" + loop.kind.rawValue + " " + loop.macro.debugDescription + " " + loop.variable.debugDescription
                + " " + (loop.variable2?.debugDescription ?? "-") + " "
            write(loop.range)
            key += " "
            if let filter = loop.filter { write(filter) } else { key += "-" }
            key += " "
            write(loop.body)
            key += ")"
        }
    }

    private mutating func write(_ reference: Reference) {
        switch reference {
        case .variable(let slot, _):
            variableSlots.insert(slot)
            if slot < constants.count, constants[slot] != nil { readsConstants = true }
            key += "$\(slot)"
        case .local(_, let name): key += "%" + name.debugDescription
        case .type(let type): key += "type:" + type.name.debugDescription
        case .undeclared(let name): key += "?" + name.debugDescription
        }
    }

    private mutating func write(_ constant: Constant) {
        switch constant {
        case .null: key += "null"
        case .bool(let b): key += b ? "true" : "false"
        case .int(let i): key += "i\(i)"
        case .uint(let u): key += "u\(u)"
        case .double(let d): key += "d\(d.bitPattern)"
        case .string(let s): key += s.debugDescription
        case .bytes(let b): key += "b'" + b.map { String($0, radix: 16) }.joined(separator: ",") + "'"
        }
    }
}
