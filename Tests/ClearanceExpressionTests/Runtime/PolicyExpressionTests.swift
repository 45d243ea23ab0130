import ClearanceCore
import ClearanceExpression
import ClearanceDocument
import Testing

/// The expressions DESIGN.md's policies use, over a TeamMember document as the loader reads it.
@Suite struct PolicyExpressionTests {
    static let results: [(source: String, value: String)] = [
        ("member.status in ['onboarding', 'active']", "true"),
        ("member.identity.sso", "true"),
        ("member.identity.sso && member.identity.mfa.exists(m, m in params.phishing_resistant_mfa)", "true"),
        ("member.access.all(g, g.environment != 'production' || (has(g.ticket) && g.credential != 'static-key'))", "false"),
        ("member.access.filter(g, g.environment == 'production' && !has(g.ticket)).map(g, g.resource)", "[\"analytics\"]"),
        ("member.devices.filter(d, !(d.managed && d.encrypted && d.endpoint_protection)).map(d, d.id)", "[\"LAP-0193\"]"),
        ("member.devices.all(d, now - d.last_patched <= duration('30d'))", "false"),
        ("now - member.checks.security_training.completed < duration('365d')", "true"),
        ("member.checks.security_training.expires > now", "true"),
        ("member.identity.credentials_issued >= member.checks.policies_acknowledged", "true"),
        ("member.access.all(g, g.expires == null || g.expires > now)", "true"),
        ("member.access.exists_one(g, g.credential == 'static-key')", "true"),
        ("members[member.security_owner].roles.exists(r, r == 'security-owner')", "true"),
        ("member.access.all(g, 'security-owner' in members[g.approved_by].roles)", "false"),
        ("member.engagement.vendor in vendors", "true"),
        ("member.security_owner in members && !('nobody' in members)", "true"),
        ("has(member.offboarding)", "false"),
        ("!has(member.offboarding) || member.offboarding.access_revoked - member.offboarding.exit <= duration('24h')", "true"),
        ("member.contract.clauses.ip_assignment.covers.exists(c, c == 'prompts')", "true"),
        ("member.email.endsWith('@example.com') && member.id.matches('^[a-z0-9._-]+$')", "true"),
        ("member.identity.last_login.getFullYear()", "2026"),
        ("member.identity.last_login.getHours('America/Mexico_City')", "3"),
        ("size(member.access)", "3"),
        ("member.location", "{\"city\": \"Guadalajara\", \"country\": \"MX\"}"),
        ("member.engagement.start", "timestamp(\"2026-02-02T00:00:00Z\")"),
        ("member.devices[1].id + ' is not compliant'", "\"LAP-0193 is not compliant\""),
        ("type(member.devices)", "list"),
    ]

    @Test func evaluatesPolicyExpressions() throws {
        for (source, expected) in Self.results {
            let result = try PolicyFixture.evaluate(source)
            #expect((try? result.get())?.description == expected, "\(source) gave \(result)")
        }
    }

    @Test func deviceRuleWithLoopNameBound() throws {
        let member = try PolicyFixture.ana()
        let declarations = PolicyFixture.declarations
        let forEach = try Program.compile("member.devices", declarations: declarations)
        let require = try Program.compile("device.managed && device.encrypted && device.endpoint_protection", declarations: declarations)
        let message = try Program.compile("'device ' + device.id + ' is not compliant'", declarations: declarations)
        var bindings = try PolicyFixture.bindings(member: member)
        let devices = try forEach.evaluate(bindings).get()
        let ids = try #require(devices.elementNodeIDs)
        let slot = try #require(declarations.slot(of: "device"))
        var outcomes: [String] = []
        for id in ids {
            bindings[slot] = Value(document: member, id: id)
            let passed = try require.evaluate(bindings).get()
            let text = try message.evaluate(bindings).get()
            let line = member.location(id).line
            outcomes.append("\(line): \(passed) \(text)")
        }
        #expect(outcomes == ["25: true \"device LAP-0192 is not compliant\"", "31: false \"device LAP-0193 is not compliant\""])
        #expect(forEach.selectPath?.variable == "member")
        #expect(forEach.selectPath?.fields == ["devices"])
        #expect(devices.sourceNode?.id == member.root["devices"]?.id)
    }

    @Test func absentDeclaredFieldsReadNull() throws {
        // ana has no `offboarding`: a field the shape declares reads null, and so does every
        // declared field selected through it; `has` is false for absent and null alike.
        for (source, expected) in [
            ("member.offboarding", "null"), ("member.offboarding.devices_wiped", "null"),
            ("member.offboarding.exit == null", "true"), ("has(member.offboarding.exit)", "false"),
            ("member.devices[0].last_patched != null", "true"),
        ] {
            let result = try PolicyFixture.evaluate(source)
            #expect((try? result.get())?.description == expected, "\(source) gave \(result)")
        }
        let member = try PolicyFixture.load("id: x\noffboarding: null\nidentity: {sso: null}\n")
        for (source, expected) in [
            ("has(member.offboarding)", "false"), ("member.offboarding.exit", "null"), ("has(member.identity.sso)", "false"),
            ("has(member.identity)", "true"), ("member.identity.mfa", "null"), ("member.access == null", "true"),
        ] {
            let result = try PolicyFixture.evaluate(source, member: member)
            #expect((try? result.get())?.description == expected, "\(source) gave \(result)")
        }
    }

    @Test func displayKnowsADateWrittenAsADate() throws {
        let member = try PolicyFixture.ana()
        let bindings = try PolicyFixture.bindings(member: member)
        for (source, isDate) in [
            ("member.engagement.start", true), ("member.identity.last_login", false),
            ("member.engagement.start == null ? 'none' : member.engagement.start", true),
            ("member.engagement.start + duration('1h')", false),
        ] {
            let shown = try Program.compile(source, declarations: PolicyFixture.declarations).evaluateForDisplay(bindings).get()
            #expect(shown.isDate == isDate, "\(source)")
            #expect(shown.value.typeName == "timestamp", "\(source)")
        }
    }

    @Test func missingKeyOfAnUndeclaredMapIsAnErrorWithItsPlace() throws {
        // `checks` is a plain map in this fixture, and `params` always is: CEL's semantics hold.
        let result = try PolicyFixture.evaluate("member.checks.nothing")
        #expect(throws: EvaluationError(message: "no such key: nothing", offset: 14)) { try result.get() }
        let params = try PolicyFixture.evaluate("params.missing == null")
        #expect(throws: EvaluationError(message: "no such key: missing", offset: 7)) { try params.get() }
        let member = try PolicyFixture.load("id: x\nchecks: null\n")
        let throughNull = try PolicyFixture.evaluate("member.checks.background", member: member)
        #expect(throws: EvaluationError(message: "type 'null' does not support field selection (selecting 'background')", offset: 14)) { try throughNull.get() }
    }

    @Test func requireOnAWrongTypeIsAnError() throws {
        // A document whose `managed` is a string: the declared type said bool, evaluation reports it.
        let member = try PolicyFixture.load("id: x\ndevices: [{id: A, managed: 'yes', encrypted: true, endpoint_protection: true}]\n")
        let result = try PolicyFixture.evaluate("member.devices.all(d, d.managed && d.encrypted)", member: member)
        #expect(throws: EvaluationError(message: "no matching overload for '&&' applied to (string)", offset: 32)) { try result.get() }
    }

    @Test func selectPathIsOnlyForPlainFieldChains() throws {
        let declarations = PolicyFixture.declarations
        #expect(try Program.compile("member.identity.mfa", declarations: declarations).selectPath?.fields == ["identity", "mfa"])
        #expect(try Program.compile("member", declarations: declarations).selectPath?.fields == [])
        #expect(try Program.compile("member.devices[0]", declarations: declarations).selectPath == nil)
        #expect(try Program.compile("member.devices.filter(d, d.managed)", declarations: declarations).selectPath == nil)
        #expect(try Program.compile("size(member.devices)", declarations: declarations).selectPath == nil)
    }

    @Test func resultTypesComeFromDeclarations() throws {
        let declarations = PolicyFixture.declarations
        let types = [
            ("member.devices", "list(Device)"), ("member.identity.sso && true", "bool"), ("member.identity.mfa[0]", "string"),
            ("member.devices.map(d, d.id)", "list(string)"), ("params.x", "dyn"), ("now - member.identity.last_login", "duration"),
            ("{'a': 1}", "map(string, int)"), ("[1, 'a']", "list(dyn)"),
        ]
        for (source, type) in types {
            #expect(try Program.compile(source, declarations: declarations).resultType.description == type, "\(source)")
        }
    }

    @Test func constantsFoldWhenCompiling() throws {
        let declarations = PolicyFixture.declarations
        #expect(try Program.compile("1 + 2 * 3", declarations: declarations).constantValue?.description == "7")
        #expect(try Program.compile("duration('30d')", declarations: declarations).constantValue?.description == "duration(\"2592000s\")")
        #expect(try Program.compile("['a', 'b']", declarations: declarations).constantValue?.description == "[\"a\", \"b\"]")
        #expect(try Program.compile("member.id == 'x'", declarations: declarations).constantValue == nil)
        #expect(try Program.compile("true || member.id == 'x'", declarations: declarations).constantValue?.description == "true")
        #expect(try Program.compile("member.identity.sso && false", declarations: declarations).constantValue?.description == "false")
        #expect(try Program.compile("1 > 2 ? member.id : 'none'", declarations: declarations).constantValue?.description == "\"none\"")
        // A constant that fails to evaluate is not folded: the error happens at runtime.
        #expect(try Program.compile("1 / 0", declarations: declarations).constantValue == nil)
    }
}

/// `x == null` and `x == true` read the field where it is stored; they give what comparing inside a list gives, which goes
/// through general equality.
@Suite struct NullAndBoolEqualityTests {
    static let operands = [
        "member.status", "member.identity.sso", "member.devices[1].encrypted", "member.engagement.end", "member.access[0].expires",
        "member.access[1].expires", "member.offboarding", "member.engagement.start", "member.devices", "member.location",
        "member.identity", "size(member.access)", "member.devices.map(d, d.encrypted)[1]", "member.devices.map(d, d.managed)[0]",
        "member.roles", "member.engagement", "[null][0]", "(dyn(member.identity.sso) ? null : 1)", "member.nickname",
    ]

    @Test func comparisonsWithNullAndBoolsGiveWhatGeneralEqualityGives() throws {
        for operand in Self.operands {
            for constant in ["null", "true", "false"] {
                let specialised = try Self.evaluate("\(operand) == \(constant)")
                let flipped = try Self.evaluate("\(constant) != \(operand)")
                let general = try Self.evaluate("[\(operand)] == [\(constant)]")
                switch (specialised, general) {
                case (.success(let value), .success(let expected)):
                    #expect(value.description == expected.description, "\(operand) == \(constant)")
                    #expect((try? flipped.get())?.description == (expected.description == "true" ? "false" : "true"), "\(constant) != \(operand)")
                case (.failure(let error), .failure(let expected)):
                    #expect(error.message == expected.message, "\(operand) == \(constant)")
                    #expect((try? flipped.get()) == nil, "\(constant) != \(operand)")
                default:
                    Issue.record("\(operand) == \(constant): \(specialised), in a list \(general)")
                }
            }
        }
        // The fixture's answers, so the oracle above cannot agree by both being wrong.
        #expect(try PolicyFixture.evaluate("member.engagement.end == null").get().description == "true")
        #expect(try PolicyFixture.evaluate("member.access[1].expires != null").get().description == "true")
        #expect(try PolicyFixture.evaluate("member.devices[1].encrypted == false").get().description == "true")
        #expect(try PolicyFixture.evaluate("member.identity.sso == true").get().description == "true")
        #expect(try Self.evaluate("member.status == true").get().description == "false")
        #expect(try PolicyFixture.evaluate("member.offboarding == null").get().description == "true")
    }

    /// Evaluates over the fixture without the type check, which refuses comparing a string with a bool before it runs.
    static func evaluate(_ source: String) throws -> Result<Value, EvaluationError> {
        var options = CompileOptions()
        options.checksTypes = false
        let program = try Program.compile(source, declarations: PolicyFixture.declarations, options: options)
        return program.evaluate(try PolicyFixture.bindings(member: try PolicyFixture.ana()))
    }
}

/// A variable read as a document node reads whatever the slot holds now, after it was bound to another document, to a
/// value that is no document, and cleared.
@Suite struct RebindingTests {
    @Test func aSlotReadsItsLatestValue() throws {
        let declarations = PolicyFixture.declarations
        let program = try Program.compile("member.status", declarations: declarations)
        let slot = try #require(declarations.slot(of: "member"))
        var bindings = try PolicyFixture.bindings(member: try PolicyFixture.ana())
        #expect(try program.evaluate(bindings).get().description == "\"active\"")
        bindings[slot] = Value(document: try PolicyFixture.load("id: luis.ortega\nstatus: offboarded\n"))
        #expect(try program.evaluate(bindings).get().description == "\"offboarded\"")
        bindings[slot] = .map(try ValueMap(entries: [(key: .string("status"), value: .string("onboarding"))]))
        #expect(try program.evaluate(bindings).get().description == "\"onboarding\"")
        bindings.unbind(slot)
        #expect(throws: EvaluationError.self) { try program.evaluate(bindings).get() }
        bindings[slot] = Value(document: try PolicyFixture.load("- status: active\n"))
        #expect(throws: EvaluationError.self) { try program.evaluate(bindings).get() }
    }
}
