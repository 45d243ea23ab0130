import ClearanceCore
import Testing

/// A timestamp prints in RFC 3339, in UTC, with as many fractional digits as it needs and none when it has no fraction.
@Suite struct TimestampTextTests {
    @Test(arguments: [
        (Int64(0), Int32(0), "1970-01-01T00:00:00Z"),
        (Timestamp.minimumSeconds, 0, "0001-01-01T00:00:00Z"),
        (Timestamp.maximumSeconds, 999_999_999, "9999-12-31T23:59:59.999999999Z"),
        (1_770_044_400, 500_000_000, "2026-02-02T15:00:00.5Z"),
        (1_770_044_400, 1, "2026-02-02T15:00:00.000000001Z"),
        (1_770_044_400, 120_000, "2026-02-02T15:00:00.00012Z"),
        (-1, 0, "1969-12-31T23:59:59Z"),
        (951_782_400, 0, "2000-02-29T00:00:00Z"),
    ])
    func printsInRFC3339(seconds: Int64, nanos: Int32, expected: String) throws {
        let time = try #require(Timestamp(seconds: seconds, nanos: nanos))
        #expect(time.rfc3339 == expected)
        #expect(time.description == expected)
    }
}
