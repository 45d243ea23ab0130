import ClearanceExpression
import Testing

/// A map whose keys are all strings (a lookup map such as `members`) finds every key it holds, by its own value, and
/// no key it does not hold, however alike the keys are.
@Suite("String-keyed maps")
struct StringKeyMapTests {
    @Test func everyKeyIsFoundAndNoOtherIs() {
        let keys = (0..<5_000).map { "member.\($0)@example.com" } + ["", "é", "e\u{301}", String(repeating: "x", count: 300)]
        let map = ValueMap(uniqueStringKeys: keys, values: keys.indices.map { .int(Int64($0)) })
        for (position, key) in keys.enumerated() {
            guard case .int(let found)? = map.value(forString: key) else {
                Issue.record("\(key) not found")
                continue
            }
            #expect(found == Int64(position))
        }
        for absent in ["member.5000@example.com", "member.1@example.co", "x", String(repeating: "x", count: 299), "E"] {
            #expect(map.value(forString: absent) == nil)
        }
        #expect(map.contains(.string("member.42@example.com")) && !map.contains(.string("member.42")))
    }
}
