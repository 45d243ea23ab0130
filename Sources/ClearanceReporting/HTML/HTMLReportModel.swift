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
        var ruleTallies: [String: OutcomeTally] = [:]
        var waivedBy: [String: Int] = [:]
        for finding in report.findings {
            ruleTallies[finding.rule.id, default: OutcomeTally()].add(finding.status)
            if finding.status == .waived, let waiver = finding.waiver { waivedBy[waiver.id, default: 0] += 1 }
        }
        heading = ReportHeading(report, context: context, subjects: subjects)
        groups = SubjectGroup.all(report, subjects: subjects)
        cards = SummaryCard.all(report, groups: groups)
        legend = OutcomeChart.drawn.map { LegendEntry(legendTone: $0.rawValue, legendLabel: $0.rawValue) }
        frameworks = FrameworkTable.all(report, tallies: ruleTallies)
        chartColumns = [ChartColumn(columnCharts: [OutcomeChart.byPolicy(report)]),
                        ChartColumn(columnCharts: [OutcomeChart.bySeverity(report), OutcomeChart.byFramework(frameworks)])]
        let checklists = groups.flatMap(\.subjects)
        let attention = checklists.filter(\.needsAttention).count
        filters = FilterCounts(all: checklists.count, attention: attention, clean: checklists.count - attention)
        waivers = report.waivers.map { WaiverRow($0, report: report, waivedCount: waivedBy[$0.id] ?? 0) }
        hasWaivers = !waivers.isEmpty
        baseline = BaselineSection(report)
        evidence = EvidenceSection(report, context: context)
        history = HistorySection(context.history)
    }

    /// The checked documents: the report's, plus any subject of a finding the report does not describe (named by id only).
    static func subjects(_ report: Report) -> [Subject] {
        var subjects = report.subjects
        var known = Set(subjects.map { $0.kind.rawValue + "/" + $0.id })
        for finding in report.findings where report.catalogue.kinds.contains(finding.kind) {
            guard known.insert(finding.kind.rawValue + "/" + finding.subject).inserted else { continue }
            subjects.append(Subject(kind: finding.kind, id: finding.subject, name: nil, status: nil, details: [], location: finding.location))
        }
        return subjects
    }
}
