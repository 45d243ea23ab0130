/// The change log rows a run adds for the accounts its exports listed: one for each account whose status or linked
/// person differs from the history's latest, and one (`absent`) for each account an export of its system and scope
/// listed before and no longer lists.
struct AccountChanges {
    /// The rows, in account order.
    let rows: [AccountObservation]

    /// Compares `accounts` (this run's) with `previous` (each account's latest row), given the exports read (`sources`).
    init(previous: [AccountKey: AccountObservation], accounts: [AccountObservation], sources: [AccountSource]) {
        var current: [AccountKey: AccountObservation] = [:]
        for account in accounts where current[account.key] == nil { current[account.key] = account }
        var rows: [AccountObservation] = []
        for key in current.keys.sorted() {
            let account = current[key]!  // safe: a key of current
            if let before = previous[key], before.status == account.status, before.person == account.person { continue }
            rows.append(account)
        }
        for key in previous.keys.sorted() where current[key] == nil {
            let before = previous[key]!  // safe: a key of previous
            guard before.status != "absent", let source = sources.first(where: { $0.covers(key) }) else { continue }
            var absent = before
            absent.status = "absent"
            absent.sourceFile = source.file
            absent.observedAt = source.observedAt
            rows.append(absent)
        }
        self.rows = rows
    }
}
