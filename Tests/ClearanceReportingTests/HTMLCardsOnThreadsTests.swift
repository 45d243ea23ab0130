import ClearanceCore
import ClearanceEngine
import ClearanceReporting
import Testing

/// The page's cards are made in batches on several threads: the page is the same, cards in report order.
struct HTMLCardsOnThreadsTests {
    @Test func thePageIsTheSameOnOneThreadAndOnThree() throws {
        let small = try SmallReport.make()
        // Three hundred people over several batches of cards, each with findings of its own, so order shows.
        let people = (0..<300).map { index in
            SmallReport.person(String(format: "person-%03d", index), "Person \(index)", index % 7 == 0 ? "candidate" : "active",
                               ["Engineer"], issued: index % 7 == 0 ? nil : SmallReport.asOf)
        }
        let findings = people.enumerated().flatMap { index, person in
            [SmallReport.finding(SmallReport.strongMFA, index % 3 == 0 ? .fail : .pass, person.id, "\(person.id) enrols only SMS", at: 4, 3),
             SmallReport.finding(SmallReport.managedDevices, index % 5 == 0 ? .fail : .pass, person.id, "device of \(person.id) is not encrypted",
                                 element: 0, at: 9, 5)]
        }
        var summary: [FindingStatus: Int] = [:]
        for finding in findings { summary[finding.status, default: 0] += 1 }
        let report = Report(asOf: small.asOf, findings: findings, summary: summary, documentsChecked: people.count, catalogue: small.catalogue,
                            inputFiles: [], waivers: [], subjects: people)
        var threaded = SmallReport.context
        threaded.jobs = 3
        let one = HTMLReporter().render(report, context: SmallReport.context), three = HTMLReporter().render(report, context: threaded)
        #expect(one == three)
        let anchors = people.map { "id=\"subject-teammember-\($0.id)\"" }
        let positions = anchors.compactMap { three.range(of: $0)?.lowerBound }
        #expect(positions.count == people.count, "every person has a card")
        #expect(positions == positions.sorted(), "cards in report order")
    }
}
