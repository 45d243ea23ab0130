import ClearanceDocument
import ClearanceExpression
import Testing

/// The analysis behind finding locations: an expression's top-level `&&` operands, and the field
/// chains each reads in source order.
@Suite struct FieldReadTests {
    static let declarations: Declarations = {
        var declarations = Declarations(symbols: SymbolTable())
        declarations.declare("member", as: .dyn)
        declarations.declare("device", as: .dyn)
        declarations.declare("params", as: .dyn)
        return declarations
    }()

    /// The reads written as `variable.a.b`, a conditional as `(c ? a : b)` with each part's reads.
    static func written(_ sites: [ReadSite]) -> String {
        sites.map { site in
            if let read = site.field { return ([read.variable] + read.fields).joined(separator: ".") }
            guard let choice = site.conditional else { return "?" }
            return "(\(written(choice.conditionReads)) ? \(written(choice.whenTrue)) : \(written(choice.whenFalse)))"
        }.joined(separator: ", ")
    }

    @Test func conjunctsAreTheTopLevelAndOperandsInOrder() throws {
        let program = try Program.compile("member.a == 1 && (member.b || member.c) && (member.d && member.e)", declarations: Self.declarations)
        let conjuncts = program.conjuncts()
        #expect(conjuncts.map { Self.written($0.fieldReads()) } == ["member.a", "member.b, member.c", "member.d", "member.e"])
        #expect(try Program.compile("member.a || member.b", declarations: Self.declarations).conjuncts().count == 1)
    }

    @Test func eachConjunctEvaluatesOnItsOwn() throws {
        var declarations = Declarations(symbols: SymbolTable())
        let slot = declarations.declare("x", as: .int)
        let conjuncts = try Program.compile("x == 1 && x > 5", declarations: declarations).conjuncts()
        var bindings = Bindings(declarations)
        bindings[slot] = .int(1)
        #expect(conjuncts.map { "\($0.evaluate(bindings))" } == ["success(true)", "success(false)"])
    }

    @Test func readsFollowSourceOrderThroughCallsIndexesAndMacros() throws {
        let program = try Program.compile(
            "has(device.ticket) && size(member.devices) > 0 && params.owners[device.system] == member.id && member.devices.all(d, d.encrypted)",
            declarations: Self.declarations)
        #expect(Self.written(program.fieldReads()) ==
            "device.ticket, member.devices, params.owners.[], device.system, member.id, member.devices, member.devices.[].encrypted")
    }

    @Test func conditionalsKeepTheirParts() throws {
        let program = try Program.compile("string(member.x != null ? member.x : member.y)", declarations: Self.declarations)
        #expect(Self.written(program.fieldReads()) == "(member.x ? member.x : member.y)")
    }
}
