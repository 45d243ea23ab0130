import ClearanceCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One line of progress on standard error for long runs ("reading 41,200 of 100,000 files"),
/// redrawn at most ten times a second; silent when standard error is not a terminal.
final class ProgressLine: Sendable {
    private struct State {
        var lastDraw: Int64 = 0
        var drawn = false
    }

    private let enabled: Bool
    private let state = Mutex(State())

    /// A progress line, enabled only on a terminal.
    init(enabled: Bool = Terminal.standardError.isTerminal) { self.enabled = enabled }

    /// A callback that reports `done` of `total` things being `verb`-ed, such as "reading … files".
    func callback(_ verb: String, _ noun: String) -> (@Sendable (Int, Int) -> Void)? {
        guard enabled else { return nil }
        return { [self] done, total in update("\(verb) \(done.grouped) of \(total.grouped) \(noun)", final: done == total) }
    }

    private func update(_ text: String, final: Bool) {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let milliseconds = Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
        let draw = state.withLock { state -> Bool in
            guard final || milliseconds - state.lastDraw >= 100 else { return false }
            state.lastDraw = milliseconds
            state.drawn = true
            return true
        }
        if draw { Terminal.standardError.write("\r\u{1B}[K" + text) }
    }

    /// Clears the line, so the run's own output starts on a clean line.
    func finish() {
        if state.withLock({ $0.drawn }) { Terminal.standardError.write("\r\u{1B}[K") }
    }
}
