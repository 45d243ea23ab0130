/// A chain of fields an expression reads from a declared variable, such as `member.contract.signed`
/// or `device.last_patched`: what a failing check can point at in the document.
public struct FieldRead: Sendable, Equatable {
    /// The variable the chain starts at (`member`, `params`, or a `for_each` name).
    public let variable: String
    /// The fields selected, in order; ``element`` stands for an element of a list or a value of a map
    /// (an index such as `member.labels[k]`, or the variable of a macro such as `member.devices.all(d, d.managed)`).
    public let fields: [String]
    /// The UTF-8 offset of the chain in the expression.
    public let offset: Int

    /// The field name that stands for any element of a list or value of a map.
    public static let element = "[]"

    /// Creates a read.
    public init(variable: String, fields: [String], offset: Int) {
        self.variable = variable
        self.fields = fields
        self.offset = offset
    }
}

/// Where an expression reads fields, in source order: a field chain, or a conditional `c ? a : b`
/// kept whole so that a caller who knows the bindings can follow the branch that was taken.
///
/// A struct of optionals rather than an enum, so every reference it holds is a plain pointer.
public struct ReadSite: Sendable {
    /// The field chain, for a site that is one.
    public let field: FieldRead?
    /// The conditional, for a site that is one.
    public let conditional: ConditionalReads?

    /// A field chain.
    public static func field(_ read: FieldRead) -> ReadSite { ReadSite(field: read, conditional: nil) }
    /// A conditional.
    public static func conditional(_ reads: ConditionalReads) -> ReadSite { ReadSite(field: nil, conditional: reads) }
}

/// The reads of a conditional `c ? a : b`, with its condition compiled so it can be evaluated.
public struct ConditionalReads: Sendable {
    /// The condition as a program of its own; `nil` inside a macro, where it depends on a loop variable.
    public let condition: Program?
    /// What the condition reads.
    public let conditionReads: [ReadSite]
    /// What the branch taken when the condition holds reads.
    public let whenTrue: [ReadSite]
    /// What the other branch reads.
    public let whenFalse: [ReadSite]

    /// Creates the reads of a conditional.
    public init(condition: Program?, conditionReads: [ReadSite], whenTrue: [ReadSite], whenFalse: [ReadSite]) {
        self.condition = condition
        self.conditionReads = conditionReads
        self.whenTrue = whenTrue
        self.whenFalse = whenFalse
    }
}

/// Walks a checked expression for the field chains it reads.
struct FieldReadFinder {
    let checked: CheckedExpression
    /// Compiles a subexpression (a conditional's condition) into a program of its own.
    let compile: (Expr) -> Program
    /// Macro variables that range over a chain, with that chain (element included).
    private var locals: [String: (variable: String, fields: [String])] = [:]

    init(checked: CheckedExpression, compile: @escaping (Expr) -> Program) {
        self.checked = checked
        self.compile = compile
    }

    /// The reads of `expr` in source order.
    mutating func reads(_ expr: Expr, insideLoop: Bool = false) -> [ReadSite] {
        var found: [ReadSite] = []
        visit(expr, insideLoop: insideLoop, into: &found)
        return found
    }

    private mutating func visit(_ expr: Expr, insideLoop: Bool, into found: inout [ReadSite]) {
        if case .select(let operand, let field, true) = expr.kind, let path = chain(operand) {
            found.append(.field(FieldRead(variable: path.variable, fields: path.fields + [field], offset: start(of: expr))))
            for index in path.indexes { visit(index, insideLoop: insideLoop, into: &found) }
            return
        }
        if let path = chain(expr), !path.fields.isEmpty {
            found.append(.field(FieldRead(variable: path.variable, fields: path.fields, offset: start(of: expr))))
            for index in path.indexes { visit(index, insideLoop: insideLoop, into: &found) }
            return
        }
        switch expr.kind {
        case .call(Operator.conditional, nil, let args) where args.count == 3:
            let conditional = ConditionalReads(condition: insideLoop ? nil : compile(args[0]),
                                               conditionReads: reads(args[0], insideLoop: insideLoop),
                                               whenTrue: reads(args[1], insideLoop: insideLoop),
                                               whenFalse: reads(args[2], insideLoop: insideLoop))
            found.append(.conditional(conditional))
        case .call(_, let target, let args):
            for child in [target].compactMap({ $0 }) + args { visit(child, insideLoop: insideLoop, into: &found) }
        case .select(let operand, _, _):
            visit(operand, insideLoop: insideLoop, into: &found)
        case .list(let elements):
            for element in elements { visit(element, insideLoop: insideLoop, into: &found) }
        case .map(let entries):
            for entry in entries {
                visit(entry.key, insideLoop: insideLoop, into: &found)
                visit(entry.value, insideLoop: insideLoop, into: &found)
            }
        case .comprehension(let loop):
            visit(loop.range, insideLoop: insideLoop, into: &found)
            let saved = locals
            let elementVariable = loop.variable2 ?? loop.variable
            if let range = chain(loop.range) {
                locals[elementVariable] = (range.variable, range.fields + [FieldRead.element])
            } else {
                locals[elementVariable] = nil
            }
            if loop.variable2 != nil { locals[loop.variable] = nil }
            for child in [loop.filter].compactMap({ $0 }) + [loop.body] { visit(child, insideLoop: true, into: &found) }
            locals = saved
        case .constant, .ident:
            break
        }
    }

    /// `variable.a.b`, `member.labels[k]` or `d.managed` for a macro variable `d` over a chain, with
    /// the index expressions met on the way (outermost first).
    private func chain(_ expr: Expr) -> (variable: String, fields: [String], indexes: [Expr])? {
        var fields: [String] = []
        var indexes: [Expr] = []
        var current = expr
        while true {
            switch checked.references[current.id] {
            case .variable(_, let name)?:
                return (name, fields.reversed(), indexes.reversed())
            case .local(_, let name)?:
                guard let range = locals[name] else { return nil }
                return (range.variable, range.fields + fields.reversed(), indexes.reversed())
            default:
                break
            }
            switch current.kind {
            case .select(let operand, let field, false):
                fields.append(field)
                current = operand
            case .call(Operator.index, nil, let args) where args.count == 2:
                fields.append(FieldRead.element)
                indexes.append(args[1])
                current = args[0]
            default:
                return nil
            }
        }
    }

    /// The offset of the first character of `expr` (an operator's node sits at the operator).
    private func start(of expr: Expr) -> Int {
        var offset = checked.parsed.offsets[expr.id]
        var current = expr
        while true {
            let first: Expr?
            switch current.kind {
            case .call(_, let target?, _): first = target
            case .call(_, nil, let args): first = args.first
            case .select(let operand, _, _): first = operand
            case .comprehension(let loop): first = loop.range
            default: first = nil
            }
            guard let first else { return offset }
            offset = min(offset, checked.parsed.offsets[first.id])
            current = first
        }
    }
}
