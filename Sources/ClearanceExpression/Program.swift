import ClearanceDocument

/// A compiled expression: parsed, checked and planned once, then evaluated any number of times,
/// from any number of threads at once.
public final class Program: Sendable {
    /// The expression as written.
    public let source: String
    /// The checker's type of the whole expression (`dyn` when unknown or unchecked).
    public let resultType: ExpressionType
    /// The expression's value when it depends on nothing (no variables) and evaluates without error.
    public let constantValue: Value?
    /// The variable and fields when the expression is exactly a field chain such as `member.devices`.
    public let selectPath: (variable: String, fields: [String])?
    /// The step budget of each evaluation.
    public let stepBudget: Int
    /// The comparisons of field chains with literals in the expression, for linting.
    public let literalComparisons: [LiteralComparison]

    private let root: any Plan
    /// The root plan's cost, the steps every evaluation is charged first.
    private let rootCost: Int
    private let localCount: Int
    private let memoCount: Int
    /// The checked tree and the node this program evaluates, for analyses and for programs of its parts.
    private let checked: CheckedExpression
    private let expr: Expr
    private let constants: [Value?]
    private let symbols: SymbolTable

    private init(source: String, checked: CheckedExpression, expr: Expr, root: any Plan, memoCount: Int, stepBudget: Int,
                 constants: [Value?], symbols: SymbolTable) {
        self.source = source
        self.resultType = checked.type(of: expr)
        self.root = root
        self.rootCost = root.cost
        self.localCount = checked.localCount
        self.memoCount = memoCount
        self.stepBudget = stepBudget
        self.constantValue = (root as? ConstantPlan)?.value
        self.selectPath = Self.selectPath(expr, checked)
        self.literalComparisons = LiteralComparison.find(in: checked, root: expr)
        self.checked = checked
        self.expr = expr
        self.constants = constants
        self.symbols = symbols
    }

    /// Parses, checks and plans an expression with the default options.
    public static func compile(_ source: String, declarations: Declarations) throws(ExpressionError) -> Program {
        try compile(source, declarations: declarations, options: CompileOptions())
    }

    /// Parses, checks (unless disabled) and plans an expression.
    ///
    /// Compiling recurses once per nesting level; it runs on a thread with a large stack so the
    /// deepest expression the limits allow never overflows the caller's stack.
    public static func compile(_ source: String, declarations: Declarations, options: CompileOptions) throws(ExpressionError) -> Program {
        try LargeStack.run { () -> Result<Program, ExpressionError> in
            do throws(ExpressionError) {
                return .success(try compileHere(source, declarations: declarations, options: options))
            } catch {
                return .failure(error)
            }
        }.get()
    }

    private static func compileHere(_ source: String, declarations: Declarations, options: CompileOptions) throws(ExpressionError) -> Program {
        let parsed: ParsedExpression
        do {
            parsed = try Parser.parse(source, limits: SyntaxLimits(maximumLength: options.maximumLength, maximumDepth: options.maximumDepth))
        } catch {
            throw ExpressionError(code: error.code, message: error.message, offset: error.offset, source: source)
        }
        let checked = try Checker.check(parsed, source: source, declarations: declarations, strict: options.checksTypes)
        var planner = Planner(checked: checked, constants: declarations.constants, symbols: declarations.symbols)
        let root = planner.plan(parsed.expr)
        return Program(source: source, checked: checked, expr: parsed.expr, root: root, memoCount: planner.memoCount,
                       stepBudget: options.stepBudget, constants: declarations.constants, symbols: declarations.symbols)
    }

    /// The operands of the expression's top-level `&&` chain in source order, each a program of its
    /// own over the same bindings (its `source` and error offsets are the whole expression's);
    /// `[self]` when the expression is not an `&&`.
    public func conjuncts() -> [Program] {
        LargeStack.run(depth: checked.parsed.depth) { [self] in
            var operands: [Expr] = []
            Self.collectConjuncts(expr, into: &operands)
            return operands.count < 2 ? [self] : operands.map(part)
        }
    }

    /// The field chains the expression reads, in source order, each conditional kept whole.
    public func fieldReads() -> [ReadSite] {
        LargeStack.run(depth: checked.parsed.depth) { [self] in
            var finder = FieldReadFinder(checked: checked, compile: part)
            return finder.reads(expr)
        }
    }

    /// What the expression computes, written out so that programs computing the same thing can be told apart from the rest.
    public func shape() -> ExpressionShape {
        LargeStack.run(depth: checked.parsed.depth) { [self] in ExpressionShape(expr, in: checked, constants: constants) }
    }

    /// When the expression is a negation `!e`: the program of `e` (its `source` and error offsets are the whole expression's).
    public func negatedOperand() -> Program? {
        guard checked.references[expr.id] == nil, case .call(Operator.logicalNot, nil, let args) = expr.kind, args.count == 1 else { return nil }
        return LargeStack.run(depth: checked.parsed.depth) { [self] in part(args[0]) }
    }

    /// The steps every evaluation is charged before it starts; what an evaluation takes beyond them depends on the values read.
    public var upfrontSteps: Int { rootCost }

    /// A subexpression planned as a program of its own (it shares this program's checked tree).
    private func part(_ subexpression: Expr) -> Program {
        var planner = Planner(checked: checked, constants: constants, symbols: symbols)
        let root = planner.plan(subexpression)
        return Program(source: source, checked: checked, expr: subexpression, root: root, memoCount: planner.memoCount,
                       stepBudget: stepBudget, constants: constants, symbols: symbols)
    }

    private static func collectConjuncts(_ expr: Expr, into operands: inout [Expr]) {
        guard case .call(Operator.logicalAnd, nil, let args) = expr.kind else { return operands.append(expr) }
        for arg in args { collectConjuncts(arg, into: &operands) }
    }

    /// Evaluates the expression over bound variables. Does no parsing and no name lookup.
    public func evaluate(_ bindings: Bindings) -> Result<Value, EvaluationError> {
        Frame.with(bindings: bindings, localCount: localCount, memoCount: memoCount, budget: stepBudget, passing: self) { program, frame in
            do throws(EvaluationError) {
                try frame.charge(program.rootCost, at: 0)
                return .success(try program.root.evaluate(&frame))
            } catch {
                return .failure(error)
            }
        }
    }

    /// Evaluates the expression over bound variables, and says how many steps of the budget it took, of which
    /// ``upfrontSteps`` were charged before it started.
    public func evaluateCountingSteps(_ bindings: Bindings) -> (result: Result<Value, EvaluationError>, steps: Int, upfrontSteps: Int) {
        Frame.with(bindings: bindings, localCount: localCount, memoCount: memoCount, budget: stepBudget, passing: self) { program, frame in
            do throws(EvaluationError) {
                try frame.charge(program.rootCost, at: 0)
                return (.success(try program.root.evaluate(&frame)), frame.steps, program.rootCost)
            } catch {
                return (.failure(error), frame.steps, program.rootCost)
            }
        }
    }

    /// Evaluates the expression for a message: its value, and whether that value is a timestamp
    /// read from a document that wrote it as a date alone (`2026-05-12`), so it can print as one.
    public func evaluateForDisplay(_ bindings: Bindings) -> Result<(value: Value, isDate: Bool), EvaluationError> {
        Frame.with(bindings: bindings, localCount: localCount, memoCount: memoCount, budget: stepBudget, passing: self) { program, frame in
            do throws(EvaluationError) {
                try frame.charge(program.rootCost, at: 0)
                switch try program.root.resolve(&frame) {
                case .node(let handle, let id):
                    let document = handle.takeUnretainedValue()
                    return .success((Value(document: document, id: id), document.isDate(id)))
                case .value(let value):
                    return .success((value, false))
                }
            } catch {
                return .failure(error)
            }
        }
    }

    private static func selectPath(_ expr: Expr, _ checked: CheckedExpression) -> (variable: String, fields: [String])? {
        var fields: [String] = []
        var current = expr
        while true {
            if case .variable(_, let name)? = checked.references[current.id] { return (name, fields.reversed()) }
            guard case .select(let operand, let field, false) = current.kind else { return nil }
            fields.append(field)
            current = operand
        }
    }
}
