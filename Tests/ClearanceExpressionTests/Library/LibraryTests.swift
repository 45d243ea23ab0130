@testable import ClearanceExpression
import Testing

/// The standard library's data and its text conversions.
@Suite struct LibraryTests {
    @Test func everyFunctionIsDocumentedAndHasOverloads() {
        for declaration in StandardLibrary.declarations {
            #expect(!declaration.doc.isEmpty, "\(declaration.name)")
            #expect(!declaration.overloads.isEmpty, "\(declaration.name)")
        }
        let ids = StandardLibrary.declarations.flatMap { $0.overloads.map(\.id) }
        #expect(Set(ids).count == ids.count, "overload ids are unique")
    }

    @Test(arguments: [
        ("1h30m", "5400s"), ("1.5s", "1.5s"), ("-2m", "-120s"), ("30d", "2592000s"), ("0", "0s"), ("300ms", "0.3s"),
        ("1us", "0.000001s"), ("1µs", "0.000001s"), ("2h45m30.5s", "9930.5s"), ("+5s", "5s"), ("9223372036.854775807s", "9223372036.854775807s"),
    ])
    func parsesDurations(_ text: String, _ printed: String) {
        #expect(DurationValue.parse(text)?.description == printed)
    }

    @Test(arguments: ["", "1", "s", "1x", "1h-30m", "1.s.", "10000000000s", "1 h", "--1s", "1e3s"])
    func rejectsMalformedDurations(_ text: String) {
        #expect(DurationValue.parse(text) == nil)
    }

    @Test(arguments: [
        (123.456, "123.456"), (-4.5e-3, "-0.0045"), (1e6, "1e+06"), (123456.0, "123456"), (1234567.0, "1.234567e+06"),
        (0.0001, "0.0001"), (0.00001, "1e-05"), (1e21, "1e+21"), (-0.0, "-0"), (1.0, "1"), (Double.leastNonzeroMagnitude, "5e-324"),
        (Double.infinity, "+Inf"), (1.5e300, "1.5e+300"),
    ])
    func formatsDoublesAsGo(_ value: Double, _ text: String) {
        #expect(NumberText.format(value) == text)
    }

    @Test(arguments: [("1e3", 1000.0), ("-0.5", -0.5), (".5", 0.5), ("0x1p-2", 0.25), ("inf", Double.infinity), ("-Infinity", -Double.infinity)])
    func parsesDoublesAsGo(_ text: String, _ value: Double) {
        #expect(NumberText.parseDouble(text) == value)
    }

    @Test(arguments: ["", "1e400", " 1", "1 ", "abc", "1,5", "0x"])
    func rejectsMalformedDoubles(_ text: String) {
        #expect(NumberText.parseDouble(text) == nil)
    }

    @Test(arguments: [("+11:00", 39600), ("-02:30", -9000), ("02:00", 7200), ("-00:00", 0)])
    func readsFixedOffsets(_ zone: String, _ seconds: Int) {
        #expect(TimeZones.fixedOffset(zone) == seconds)
    }

    @Test func suggestsNearNamesOnly() {
        #expect(Suggestions.closest(to: "memer", among: ["member", "members", "now"]) == "member")
        #expect(Suggestions.closest(to: "sise", among: ["size", "string"]) == "size")
        #expect(Suggestions.closest(to: "xyz", among: ["member", "now"]) == nil)
        #expect(Suggestions.closest(to: "stauts", among: ["status"]) == "status")
    }
}
