import ClearanceExpression
import Testing

/// What a policy author sees when an expression cannot compile: the whole rendered message.
@Suite struct CheckerMessageTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let source: String
        let rendered: String
        var testDescription: String { source }
    }

    static let cases: [Case] = [
        Case(source: "memer.id == 'x'", rendered: """
            1:1: undeclared reference to 'memer' (did you mean 'member'?)
            memer.id == 'x'
            ^
            """),
        Case(source: "member.idenity.sso", rendered: """
            1:8: no such field 'idenity' in TeamMember (did you mean 'identity'?)
            member.idenity.sso
                   ^
            """),
        Case(source: "member.devices.all(d, d.manged)", rendered: """
            1:25: no such field 'manged' in Device (did you mean 'managed'?)
            member.devices.all(d, d.manged)
                                    ^
            """),
        Case(source: "member.devices.all(dev, devi.managed)", rendered: """
            1:25: undeclared reference to 'devi' (did you mean 'dev'?)
            member.devices.all(dev, devi.managed)
                                    ^
            """),
        Case(source: "has(member.offboardng)", rendered: """
            1:1: no such field 'offboardng' in TeamMember (did you mean 'offboarding'?)
            has(member.offboardng)
            ^
            """),
        Case(source: "sise(member.devices) > 0", rendered: """
            1:1: unknown function 'sise' (did you mean 'size'?)
            sise(member.devices) > 0
            ^
            """),
        Case(source: "member.id.startWith('ana')", rendered: """
            1:11: unknown method 'startWith' (did you mean 'startsWith'?)
            member.id.startWith('ana')
                      ^
            """),
        Case(source: "size(member.devices, 1)", rendered: """
            1:1: function 'size' takes 1 argument, not 2
            size(member.devices, 1)
            ^
            """),
        Case(source: "member.email.endsWith()", rendered: """
            1:14: method 'endsWith' takes 1 argument, not 0
            member.email.endsWith()
                         ^
            """),
        Case(source: "startsWith(member.id, 'ana')", rendered: """
            1:1: 'startsWith' is a method: call it on a value, as in x.startsWith(...)
            startsWith(member.id, 'ana')
            ^
            """),
        Case(source: "member.identity.sso + 1", rendered: """
            1:21: no matching overload for '+' applied to (bool, int)
            member.identity.sso + 1
                                ^
            """),
        Case(source: "member.status == 3", rendered: """
            1:15: no matching overload for '==' applied to (string, int)
            member.status == 3
                          ^
            """),
        Case(source: "member.identity.last_login < '2026-01-01'", rendered: """
            1:28: no matching overload for '<' applied to (timestamp, string)
            member.identity.last_login < '2026-01-01'
                                       ^
            """),
        Case(source: "member.devices.all(d, d.id)", rendered: """
            1:23: the predicate of all() must be a bool, not string
            member.devices.all(d, d.id)
                                  ^
            """),
        Case(source: "member.status.all(c, c == 'a')", rendered: """
            1:15: all() cannot iterate over string; it needs a list or a map
            member.status.all(c, c == 'a')
                          ^
            """),
        Case(source: "member.devices.size > 0", rendered: """
            1:16: type 'list(Device)' does not support field selection (selecting 'size')
            member.devices.size > 0
                           ^
            """),
        Case(source: "member.status == 'active' &&\n  member.identity.mfa.exists(m, m in params.strong_mfa) &&\n  membr.identity.sso", rendered: """
            3:3: undeclared reference to 'membr' (did you mean 'member'?)
              membr.identity.sso
              ^
            """),
        Case(source: "{1.5: 'x'}[1.5]", rendered: """
            1:2: map keys must be int, uint, bool or string, not double
            {1.5: 'x'}[1.5]
             ^
            """),
        Case(source: "int(member.identity.sso)", rendered: """
            1:1: no matching overload for 'int' applied to (bool)
            int(member.identity.sso)
            ^
            """),
        Case(source: "member.id.int()", rendered: """
            1:11: 'int' is a function, not a method: call it as int(x)
            member.id.int()
                      ^
            """),
    ]

    @Test(arguments: cases)
    func rendersWholeMessage(_ testCase: Case) {
        #expect(PolicyFixture.compileError(testCase.source) == testCase.rendered)
    }

    @Test func errorsCarryStableCodes() throws {
        let codes = [
            ("memer.id", "expr.unknown-identifier"), ("sise(member.devices)", "expr.unknown-function"),
            ("size(member.devices, 1)", "expr.arity"), ("member.status == 3", "expr.type"),
            ("member.idenity", "expr.no-such-field"), ("member.status in [", "expr.syntax"),
        ]
        for (source, code) in codes {
            #expect(throws: ExpressionError.self) { try Program.compile(source, declarations: PolicyFixture.declarations) }
            do {
                _ = try Program.compile(source, declarations: PolicyFixture.declarations)
            } catch {
                #expect(error.code == code, "\(source)")
            }
        }
    }

    @Test func acceptsWhatDynCouldSatisfy() throws {
        // Sound: never reject an expression that some runtime values would make valid.
        let sources = [
            "params.max_age > 3", "params.anything.goes == member.id", "dyn(member.status) == 3",
            "member.contract.clauses.ip_assignment.signed", "member.engagement.end == null",
            "member.access.all(g, g.expires == null || g.expires > now)", "1 == 1.0", "[1, 'a'][0] + 1",
            "member.checks.background.date < now", "members[member.security_owner].roles.exists(r, r == 'security-owner')",
        ]
        for source in sources {
            #expect(PolicyFixture.compileError(source) == nil, "\(source)")
        }
    }
}
