import ClearanceCore

/// The instant a window opened at a time closes, exactly as the rules' `deadline()` computes it, for code outside expressions.
public enum WindowDeadline {
    /// `start` plus a duration (`24h`), or the end of the same day (`same-day`) or of the next business day
    /// (`next-business-day`, Monday to Friday less `holidays`) in `zone`; the reason when the window or zone is not usable.
    public static func close(after start: Timestamp, window: String, zone: String, holidays: [String]) -> Result<Timestamp, EvaluationError> {
        do {
            return .success(try Deadlines.deadline(after: start, window: window, zone: zone, holidays: holidays))
        } catch {
            return .failure(error)
        }
    }
}
