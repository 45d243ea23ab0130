// Expression evaluation against hand-written Swift doing the same checks over the same document.
//
// Run with `swift run -c release expression-bench`. Both sides read one loaded TeamMember (10
// access grants) through the document's NodeID accessors; the Swift side prepares its Symbols
// once, as compiled expressions do. Prints ns per call (median of several rounds) and the ratio.
import ClearanceCore
import ClearanceExpression
import ClearanceDocument

let memberYAML = """
    kind: TeamMember
    id: ana.lopez
    name: Ana López
    email: ana.lopez@example.com
    status: active
    title: Backend Engineer
    roles: []
    location: {city: Guadalajara, country: MX}
    engagement: {model: eor, vendor: talentbridge, start: 2026-02-02, end: null}
    security_owner: marta.ruiz
    identity:
      sso: true
      mfa: [totp, webauthn]
      last_login: 2026-11-18T09:12:00Z
      credentials_issued: 2026-02-02T15:00:00Z
    checks:
      background: {status: passed, date: 2026-01-20}
      security_training: {completed: 2026-01-28, expires: 2027-01-28}
      policies_acknowledged: 2026-01-28
    devices:
      - {id: LAP-0192, managed: true, encrypted: true, endpoint_protection: true, auto_updates: true, last_patched: 2026-11-10}
    access:
    \((0..<10).map { index in
        let environment = ["development", "staging", "production", "corporate", "production"][index % 5]
        return """
          - system: \(["github", "aws", "gcp", "jira", "slack"][index % 5])
            resource: acme/service-\(index)
            role: \(index % 3 == 0 ? "admin" : "write")
            environment: \(environment)
            granted: 2026-02-02
            approved_by: marta.ruiz
            ticket: SEC-\(1200 + index)
            credential: \(index % 2 == 0 ? "sso" : "short-lived")
            expires: null
            last_review: {date: 2026-10-01, reviewer: marta.ruiz, decision: keep}
            revoked: null
        """
    }.joined(separator: "\n"))
    """

/// One measured check: the expression and the hand-written Swift equivalent.
struct Check {
    let name: String
    let expression: String
    let program: Program
    let handWritten: () -> Bool
}

func main() throws {
    let symbols = SymbolTable()  // one for the documents and the expressions, as in a run
    let loader = YAMLLoader(symbols: symbols)
    guard let member = try loader.load(text: memberYAML, name: "bench-member.yaml").first,
          let params = try loader.load(text: "phishing_resistant_mfa: [webauthn]\n", name: "params.yaml").first else {
        print("could not load the benchmark documents")
        return
    }
    var declarations = Declarations(symbols: symbols)
    let memberSlot = declarations.declare("member", as: .dyn)
    let paramsSlot = declarations.declare("params", as: .map(.string, .dyn))
    var bindings = Bindings(declarations)
    bindings[memberSlot] = Value(document: member)
    bindings[paramsSlot] = Value(document: params)

    // The hand-written side: Symbols made once, then NodeID accessors only.
    let access = symbols.intern("access"), environment = symbols.intern("environment"), ticket = symbols.intern("ticket")
    let credential = symbols.intern("credential"), identity = symbols.intern("identity"), sso = symbols.intern("sso")
    let mfa = symbols.intern("mfa"), strongMFA = symbols.intern("phishing_resistant_mfa")
    let root = member.rootID

    func grantsAreControlled() -> Bool {
        guard let grants = member.value(for: access, in: root), member.kind(grants) == .sequence else { return false }
        for index in 0..<member.count(grants) {
            let grant = member.element(index, of: grants)
            guard let env = member.value(for: environment, in: grant), member.kind(env) == .string else { return false }
            if member.string(env) != "production" { continue }
            guard member.value(for: ticket, in: grant) != nil,
                  let cred = member.value(for: credential, in: grant), member.kind(cred) == .string else { return false }
            if member.string(cred) == "static-key" { return false }
        }
        return true
    }

    func strongSignIn() -> Bool {
        guard let id = member.value(for: identity, in: root), let flag = member.value(for: sso, in: id),
              member.kind(flag) == .bool, member.bool(flag) else { return false }
        guard let methods = member.value(for: mfa, in: id), member.kind(methods) == .sequence,
              let allowed = params.value(for: strongMFA, in: params.rootID), params.kind(allowed) == .sequence else { return false }
        for index in 0..<member.count(methods) {
            let method = member.element(index, of: methods)
            guard member.kind(method) == .string else { continue }
            let text = member.string(method)
            for candidate in 0..<params.count(allowed) {
                let option = params.element(candidate, of: allowed)
                if params.kind(option) == .string, params.string(option) == text { return true }
            }
        }
        return false
    }

    let checks = [
        Check(name: "access grants controlled",
              expression: "member.access.all(g, g.environment != 'production' || (has(g.ticket) && g.credential != 'static-key'))",
              program: try Program.compile("member.access.all(g, g.environment != 'production' || (has(g.ticket) && g.credential != 'static-key'))",
                                           declarations: declarations),
              handWritten: grantsAreControlled),
        Check(name: "SSO and phishing-resistant MFA",
              expression: "member.identity.sso && member.identity.mfa.exists(m, m in params.phishing_resistant_mfa)",
              program: try Program.compile("member.identity.sso && member.identity.mfa.exists(m, m in params.phishing_resistant_mfa)",
                                           declarations: declarations),
              handWritten: strongSignIn),
    ]

    // Optional arguments: which check to run (1-based), then calls per round and rounds.
    let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
    let iterations = arguments.count > 1 ? arguments[1] : 200_000, rounds = arguments.count > 2 ? arguments[2] : 9
    print("expression-bench: \(iterations) calls per round, median of \(rounds) rounds, one TeamMember with 10 access grants")
    print("")
    print("| check | expression ns/call | Swift ns/call | ratio |")
    print("| --- | ---: | ---: | ---: |")
    var sink = 0
    let only = arguments.first.flatMap { $0 == 0 ? nil : $0 }
    for (number, check) in checks.enumerated() where only == nil || only == number + 1 {
        guard case .success(.bool(let expected)) = check.program.evaluate(bindings), expected == check.handWritten() else {
            print("| \(check.name) | results differ | | |")
            continue
        }
        var expressionTimes: [Double] = [], swiftTimes: [Double] = []
        for _ in 0..<rounds {
            // Interleaved, so both sides see the same machine state.
            expressionTimes.append(measure(iterations) {
                if case .success(.bool(true)) = check.program.evaluate(bindings) { sink &+= 1 }
            })
            swiftTimes.append(measure(iterations) {
                if check.handWritten() { sink &+= 1 }
            })
        }
        let expression = median(expressionTimes), swift = median(swiftTimes)
        print("| \(check.name) | \(format(expression)) | \(format(swift)) | \(format(expression / swift, digits: 2))× |")
    }
    print("")
    // Compiling (parse, check, plan; on its own large-stack thread) happens once per expression at load.
    let compiles = 300
    let compileTime = measure(compiles) {
        for check in checks { sink &+= (try? Program.compile(check.expression, declarations: declarations)) == nil ? 0 : 1 }
    } / Double(checks.count)
    print("compile: \(format(compileTime / 1000)) µs per expression")
    print("(\(sink) true results)")
}

/// Nanoseconds per call of `body`, over `iterations` calls.
func measure(_ iterations: Int, _ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    for _ in 0..<iterations { body() }
    let elapsed = clock.now - start
    let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
    return nanoseconds / Double(iterations)
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func format(_ value: Double, digits: Int = 1) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    return String(rounded)
}

do {
    try main()
} catch {
    print("expression-bench failed: \(error)")
}
