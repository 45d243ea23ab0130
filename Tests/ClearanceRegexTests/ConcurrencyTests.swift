import ClearanceRegex
import Testing

@Suite struct ConcurrencyTests {
    @Test func oneRegexMatchesFromManyTasks() async throws {
        let regex = try LinearRegex(#"^(?i)[a-z]+-\d{2,4}$"#)
        let texts = (0..<200).map { $0.isMultiple(of: 2) ? "Item-\($0 + 10)" : "item \($0)" }
        let results = await withTaskGroup(of: (Int, Bool).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { (index, regex.matches(text)) }
            }
            var results = [Bool](repeating: false, count: texts.count)
            for await (index, matched) in group { results[index] = matched }
            return results
        }
        #expect(results == texts.indices.map { $0.isMultiple(of: 2) })
    }
}
