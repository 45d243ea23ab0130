import ClearancePolicy

/// Which findings a report that shows only some of them (SARIF's results) takes from a run that keeps none: each finding
/// it shows joins one of a few lists by its outcome and severity, and the report shows the lists in order, each in report
/// order, until it has shown ``room``. A run given one (``Engine/runKeepingFew(keepingAtMost:selecting:progress:)``)
/// builds only the findings that can still be shown, so the report needs no second evaluation.
public struct FindingSelection: Sendable {
    /// What is selected, as the report names it: a report reads a run's selection only when it names what it shows.
    public let name: String
    /// How many findings the report shows at the most.
    public let room: Int
    /// How many lists there are.
    public let listCount: Int
    /// The list of each outcome and severity, by outcome index and severity rank; -1 for a finding not shown.
    private let table: [Int]

    /// A selection of at most `room` findings into `lists` lists, a finding joining the list `list` gives (nil: not shown).
    public init(name: String, room: Int, lists: Int, list: (FindingStatus, Severity) -> Int?) {
        self.name = name
        self.room = max(0, room)
        listCount = lists
        table = FindingStatus.allCases.flatMap { status in
            Severity.allCases.map { severity in list(status, severity).map { (0..<lists).contains($0) ? $0 : -1 } ?? -1 }
        }
    }

    /// The list a finding with this outcome and severity joins, or nil when the report does not show it.
    func list(_ status: FindingStatus, _ severity: Severity) -> Int? {
        let list = table[status.index * Severity.allCases.count + severity.rank]
        return list < 0 ? nil : list
    }
}

/// The findings a run selected (``FindingSelection``): each list's first findings in report order, as many as the lists
/// before it leave room for, and how many findings joined each list in all.
public struct SelectedFindings: Sendable {
    /// The selection's name (``FindingSelection/name``).
    public let name: String
    /// Each list's findings in report order, trimmed to the room left by the lists before it.
    public private(set) var lists: [[Finding]]
    /// How many findings joined each list, shown or not.
    public internal(set) var counts: [Int]
    private let room: Int

    /// Nothing selected yet.
    init(_ selection: FindingSelection) {
        name = selection.name
        room = selection.room
        lists = Array(repeating: [], count: selection.listCount)
        counts = Array(repeating: 0, count: selection.listCount)
    }

    /// The first list none of whose new findings can be shown any more, or the number of lists: with it, the lists before
    /// it hold the room, and a finding still to come follows those of its list in report order.
    var openLists: Int {
        var held = 0
        for (index, list) in lists.enumerated() {
            held += list.count
            if held >= room { return index }
        }
        return lists.count
    }

    /// Counts each of `findings` in its list, shown or not.
    mutating func count(_ findings: [Finding], _ selection: FindingSelection) {
        for finding in findings {
            if let list = selection.list(finding.status, finding.rule.severity) { counts[list] += 1 }
        }
    }

    /// Adds the shown ones among `findings` (counted already) to their lists, and trims the lists to the room. With
    /// `following`, the findings all come after those selected so far in report order (the next batch's); otherwise they
    /// are placed among them.
    mutating func add(_ findings: [Finding], following: Bool, _ selection: FindingSelection) {
        var joining = Array(repeating: [Finding](), count: lists.count)
        for finding in findings {
            if let list = selection.list(finding.status, finding.rule.severity) { joining[list].append(finding) }
        }
        var left = room
        for index in lists.indices {
            if !joining[index].isEmpty, left > lists[index].count {
                lists[index] = following ? lists[index] + Finding.sortedForReports(joining[index])
                    : Finding.sortedForReports(lists[index] + joining[index])
            }
            if lists[index].count > left { lists[index].removeLast(lists[index].count - left) }
            left -= lists[index].count
        }
    }
}
