import ClearanceEngine
import Foundation

extension FuzzEntry {
    /// Expressions that reach every part of the standard library once, so its tables and caches
    /// are built before fuzzing starts.
    static let warmUpExpressions = [
        "member.identity.sso && member.identity.mfa.exists(m, m in params.phishing_resistant_mfa)",
        "member.devices.all(d, now - d.last_patched <= duration('30d')) || member.access.exists_one(g, g.role == 'admin')",
        "member.access.filter(g, g.environment == 'production').map(g, g.resource + ':' + string(g.granted))",
        "member.email.matches('^[a-z.]+@example[.]com$') && member.id.startsWith('ana') && member.id.endsWith('lopez') && member.id.contains('.')",
        "[int('12'), uint(3), double('1.5e3'), bool('true'), bytes('abc'), string(b'xyz'), dyn(1), type(1) == int]",
        "[timestamp('2026-01-01T00:00:00Z').getFullYear(), now.getMonth('America/Mexico_City'), now.getDate('+05:30'), now.getDayOfYear('UTC'), now.getDayOfWeek(), now.getHours(), now.getMinutes(), now.getSeconds(), now.getMilliseconds(), now.getDayOfMonth('Europe/Madrid')]",
        "[duration('1h30m').getHours(), duration('90s').getMinutes(), duration('1.5s').getSeconds(), duration('1500ms').getMilliseconds(), string(duration('2d'))]",
        "{'a': 1, 'b': [1u, 2.0, null, true, b'\\x00']}.size() + size('héllo') + size(b'ab') + size([1]) + 7 / 2 % 3 - -1",
        "members[member.security_owner].roles.exists(r, r == 'security-owner') && member.engagement.vendor in vendors && has(member.offboarding) == false",
        "1 / 0 == 1 || 9223372036854775807 + 1 > 0 || 'a' < 'b' && 1.0 >= 2 && 2u <= 3u && timestamp('2026-01-01T00:00:00Z') - duration('1h') < now",
        "member.location.city.matches('(?i)guada[a-z]+') ? 'yes' : 'no'",
    ]

    /// Builds every table and cache the targets use, by running each target on samples and the
    /// engine over the shipped policies: call once before fuzzing (with leak detection off).
    public static func warmUp() {
        guard let world = FuzzWorld.shared.world else { return }
        _ = Engine(policies: world.policies, documents: world.documents, now: world.now).run()
        for expression in warmUpExpressions {
            _ = expressionCompile(Array(expression.utf8))
            _ = expressionEval(Array(expression.utf8))
        }
        for sample in ["a: &x [1, 2]\nb: *x\nc: {d: 2026-02-02, e: 2026-02-02T10:00:00Z, f: 0x1F, g: .inf, h: ~, i: 'q'}\n", "[1, 2", "{\"json\": [1.5, null]}"] {
            _ = yaml(Array(sample.utf8))
        }
        for sample in ["user,arn\r\n\"a,\"\"b\"\"\",c\n", "\u{FEFF}x\n\"unclosed"] {
            _ = csv(Array(sample.utf8))
        }
        // Each source format over its sample export (FuzzSourceInput's first byte chooses the format).
        let exports = FuzzWorld.root + "/Fixtures/exports/"
        for (selector, files) in [(0, ["aws-prod-credential-report.csv"]), (2, ["people.csv"]),
                                  (3, ["github-members.json", "github-admins.json", "github-2fa-disabled.json"]),
                                  (4, ["okta-users.json", "okta-factors.json"])] {
            let parts = files.map { FileManager.default.contents(atPath: exports + $0).map { [UInt8]($0) } ?? [] }
            _ = sources([UInt8(selector)] + Array(parts.joined(separator: [0])))
        }
    }
}
