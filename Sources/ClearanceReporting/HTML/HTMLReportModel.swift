import ClearanceCore
import ClearanceEngine
import ClearancePolicy

/// Everything the HTML report shows, in page order, as plain text and numbers for the templates
/// (which escape every value).
struct HTMLReportModel {
    /// A colour key of the charts.
    struct LegendEntry {
        let legendTone: String
        let legendLabel: String
    }

    /// One column of the charts' grid.
    struct ChartColumn {
        let columnCharts: [OutcomeChart]
    }

    /// How many checklists each filter shows.
    struct FilterCounts {
        let all: Int
        let attention: Int
        let clean: Int
    }

    let heading: ReportHeading
    let cards: [SummaryCard]
    let chartColumns: [ChartColumn]
    let legend: [LegendEntry]
    let frameworks: [FrameworkTable]
    let filters: FilterCounts
    let groups: [SubjectGroup]
    let waivers: [WaiverRow]
    let hasWaivers: Bool
    let baseline: BaselineSection?
    let evidence: EvidenceSection
    let history: HistorySection?

    /// The model of a report.
    init(_ report: Report, context: ReportContext) {
        let subjects = Self.subjects(report)
        let outcomes = RuleOutcomes(report)
        var waivedBy: [String: Int] = [:]
        for finding in report.findings where finding.status == .waived {
            if let waiver = finding.waiver { waivedBy[waiver.id, default: 0] += 1 }
        }
        heading = ReportHeading(report, context: context, subjects: subjects)
        groups = SubjectGroup.all(report, subjects: subjects, jobs: context.jobs)
        cards = SummaryCard.all(report, groups: groups)
        legend = OutcomeChart.drawn.map { LegendEntry(legendTone: $0.rawValue, legendLabel: $0.rawValue) }
        frameworks = FrameworkTable.all(report, tallies: outcomes.byRuleID)
        chartColumns = [ChartColumn(columnCharts: [OutcomeChart.byPolicy(report, outcomes: outcomes)]),
                        ChartColumn(columnCharts: [OutcomeChart.bySeverity(report, outcomes: outcomes), OutcomeChart.byFramework(frameworks)])]
        let all = groups.reduce(0) { $0 + $1.checklists.count }, attention = groups.reduce(0) { $0 + $1.attention }
        filters = FilterCounts(all: all, attention: attention, clean: all - attention)
        waivers = report.waivers.map { WaiverRow($0, report: report, waivedCount: waivedBy[$0.id] ?? 0) }
        hasWaivers = !waivers.isEmpty
        baseline = BaselineSection(report)
        evidence = EvidenceSection(report, context: context)
        history = HistorySection(context.history)
    }

    /// The checked documents: the report's, plus any subject of a finding the report does not describe (named by id only).
    static func subjects(_ report: Report) -> [Subject] {
        var subjects = report.subjects
        var known = Set(subjects.map { SubjectKey(kind: $0.kind, id: $0.id) })
        var last: Finding?
        for finding in report.findings {
            // A subject's findings mostly come together: each run is looked up once.
            if let last, last.subject == finding.subject, last.kind == finding.kind { continue }
            last = finding
            guard report.catalogue.kinds.contains(finding.kind), known.insert(SubjectKey(kind: finding.kind, id: finding.subject)).inserted else { continue }
            subjects.append(Subject(kind: finding.kind, id: finding.subject, name: nil, status: nil, details: [], location: finding.location))
        }
        return subjects
    }
}
