import ClearanceDocument
import ClearanceExpression
import Testing

/// Programs that compute the same thing from the same bindings have the same shape, however they are spaced; any
/// difference in a name, a constant, an operator or a variable gives another.
@Suite struct ExpressionShapeTests {
    static let declarations: Declarations = {
        var declarations = Declarations(symbols: SymbolTable())
        declarations.declare("member", as: .dyn)
        declarations.declare("grant", as: .dyn)
        declarations.declare("params", as: .dyn, constant: .string("limits"))
        return declarations
    }()

    static func shape(_ source: String) throws -> ExpressionShape {
        try Program.compile(source, declarations: declarations).shape()
    }

    @Test func spacingAndParenthesesDoNotChangeTheShape() throws {
        #expect(try Self.shape("member.status in ['a', 'b'] && grant.revoked == null").key
                == Self.shape("(member.status in [ 'a','b' ])&&(grant.revoked==null)").key)
    }

    @Test func anyDifferenceInWhatIsComputedChangesTheShape() throws {
        let keys = try [
            "member.status == 'active'", "member.status == 'Active'", "member.state == 'active'", "grant.status == 'active'",
            "member.status != 'active'", "has(member.status)", "member.status == \"active\\u0000\"", "member.level == 1",
            "member.level == 1u", "member.level == 1.0", "member.level == -0.0", "member.list.all(x, x == 1)",
            "member.list.exists(x, x == 1)", "member.list.all(y, y == 1)", "member.list.all(x, x == member)", "type(member) == string",
            "member.status == b'active'",
        ].map { try Self.shape($0).key }
        #expect(Set(keys).count == keys.count)
    }

    @Test func theShapeSaysWhichVariablesAreReadAndWhetherAConstantIs() throws {
        let guardShape = try Self.shape("member.status == 'active' && grant.revoked == null")
        #expect(guardShape.variableSlots == [0, 1])
        #expect(!guardShape.readsConstants)
        let limit = try Self.shape("grant.size > params.size")
        #expect(limit.variableSlots == [1, 2])
        #expect(limit.readsConstants)
    }

    @Test func aNegationGivesTheProgramOfWhatItNegates() throws {
        let program = try Program.compile("!(member.status == 'active')", declarations: Self.declarations)
        let operand = try #require(program.negatedOperand())
        #expect(operand.shape().key == (try Self.shape("member.status == 'active'").key))
        #expect(try Program.compile("member.status != 'active'", declarations: Self.declarations).negatedOperand() == nil)
    }
}
