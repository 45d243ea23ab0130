import ClearanceCore
import ClearanceDocument
import ClearanceExpression
import Testing

/// What `deadline()` says when its window, zone or holidays cannot be read (its results are CEL vectors in `cel-extra/deadline.json`).
@Suite struct DeadlineTests {
    private func shown(_ source: String) throws -> String {
        let declarations = Declarations(symbols: SymbolTable())
        switch try Program.compile(source, declarations: declarations).evaluate(Bindings(declarations)) {
        case .success(let value): return value.description
        case .failure(let error): return "error: " + error.message
        }
    }

    @Test(arguments: [
        ("deadline(timestamp('2026-11-13T23:00:00Z'), 'end-of-week', 'UTC')",
         "error: unknown window \"end-of-week\": expected a duration such as '24h', 'same-day' or 'next-business-day'"),
        ("deadline(timestamp('2026-11-13T23:00:00Z'), '-1h', 'UTC')",
         "error: unknown window \"-1h\": expected a duration such as '24h', 'same-day' or 'next-business-day'"),
        ("deadline(timestamp('2026-11-13T23:00:00Z'), '24h', 'Mars/Olympus')", "error: unknown time zone \"Mars/Olympus\""),
        // A zone name is looked up on disk: one that climbs out of the zone database is refused before any file is read.
        ("deadline(timestamp('2026-11-13T23:00:00Z'), 'same-day', '../../../../etc/localtime')", "error: unknown time zone \"../../../../etc/localtime\""),
        ("timestamp('2026-11-13T23:00:00Z').getHours('/etc/localtime')", "error: unknown time zone \"/etc/localtime\""),
        ("deadline(timestamp('2026-11-13T23:00:00Z'), 'next-business-day', 'UTC', ['2026-02-30'])",
         "error: holiday \"2026-02-30\" is not a date such as '2026-12-25'"),
        ("deadline(timestamp('2026-11-13T23:00:00Z'), 'next-business-day', 'UTC', ['16/11/2026'])",
         "error: holiday \"16/11/2026\" is not a date such as '2026-12-25'"),
        ("deadline(timestamp('9999-12-31T12:00:00Z'), 'same-day', 'UTC')", "error: timestamp out of range (0001-01-01 to 9999-12-31)"),
        ("deadline(timestamp('2026-11-13T23:00:00Z'), 'same-day', 'America/Mexico_City')", "timestamp(\"2026-11-14T06:00:00Z\")"),
    ])
    func explainsWhatItCannotRead(_ source: String, _ expected: String) throws {
        #expect(try shown(source) == expected)
    }

    /// A holiday list covering every weekday gives an error, not an endless search.
    @Test func holidaysCoveringEveryDayAreAnError() throws {
        func padded(_ value: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(value).count)) + String(value) }
        let holidays = (0..<450).map { offset -> String in
            let (year, month, day) = CivilTime.civil(fromDays: 20_454 + Int64(offset))  // 2026-01-01 onwards
            return "'\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))'"
        }
        let source = "deadline(timestamp('2026-01-01T12:00:00Z'), 'next-business-day', 'UTC', [\(holidays.joined(separator: ", "))])"
        #expect(try shown(source) == "error: no business day in the 400 days after the start: the holidays cover them all")
    }
}
