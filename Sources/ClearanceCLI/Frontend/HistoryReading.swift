import ClearanceCore
import ClearanceHistory

/// Reads a history for the commands that only read it (`history diff`, `history trend`, the audit report's history
/// section): nothing is made, migrated or written, and a history that cannot be read ends the run with exit 2.
enum HistoryReading {
    /// Opens the history at `place`; nil when nothing was recorded there.
    static func open(_ place: HistoryLocation) throws -> (any HistoryStore)? {
        try Session.guarded { () throws(Diagnostic) in
            do { return try HistoryStores.openForReading(place) } catch { throw HistoryPlace.diagnostic(error) }
        }
    }

    /// Runs `body` over the store; a history error is printed and ends the run with exit 2.
    static func read<T>(_ body: () throws(HistoryError) -> T) throws -> T {
        try Session.guarded { () throws(Diagnostic) in
            do { return try body() } catch { throw HistoryPlace.diagnostic(error) }
        }
    }
}
