@testable import ClearanceHistory
import Testing

/// `history: postgres://…`: what a URL names, its defaults, what is refused, and how messages show it.
@Suite("PostgreSQL URL")
struct PostgresURLTests {
    @Test("every part, and the defaults of the parts left out")
    func parts() throws {
        let full = try PostgresURL.parse("postgres://audit%40ci:s%3Acret@db.internal:6543/clearance_history?sslmode=require").get()
        #expect(full == PostgresURL(host: "db.internal", port: 6543, user: "audit@ci", password: "s:cret", database: "clearance_history", sslMode: "require"))
        #expect(full.shown == "postgres://audit@ci:***@db.internal:6543/clearance_history?sslmode=require")
        let bare = try PostgresURL.parse("postgresql://db.internal").get()
        #expect(bare == PostgresURL(host: "db.internal", port: 5432, user: "postgres", password: nil, database: "postgres", sslMode: "prefer"))
        #expect(try PostgresURL.parse("postgres://ana@[::1]:5433/h").get().host == "::1")
        #expect(try PostgresURL.parse("postgres://ana@[::1]:5433/h").get().shown == "postgres://ana@[::1]:5433/h")
    }

    @Test("a URL Clearance cannot use says why")
    func refused() {
        func reason(_ text: String) -> String? {
            if case .failure(let problem) = PostgresURL.parse(text) { return problem.reason }
            return nil
        }
        #expect(reason("postgres://db:port/x") == "its port is not a number")
        #expect(reason("postgres://db:70000/x") == "its port must be from 1 to 65535")
        #expect(reason("postgres:///x") == "it names no host")
        #expect(reason("postgres://db/x?sslmode=verify-full") == "sslmode must be disable, prefer or require; found 'verify-full'")
        #expect(reason("postgres://db/x?application_name=a") == "only the parameter sslmode is read; found 'application_name'")
        #expect(reason("postgres://:pw@db/x") == "its user name is empty")
        #expect(HistoryLocation.parse("history/runs.sqlite") == .success(.sqlite(path: "history/runs.sqlite")))
    }
}
