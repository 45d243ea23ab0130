import Synchronization

/// The DFA state caches of one regex, kept between searches so a pattern matched over and over
/// (a ticket format checked on every grant) builds its states once.
///
/// A search takes a cache, uses it alone, and gives it back; threads never share one mid-search.
final class StateCachePool: Sendable {
    /// Caches kept at most (one per thread that searches at the same time is plenty).
    private static let capacity = 8
    private let caches = Mutex<[StateCache]>([])

    /// A cache to search with: a warm one if any is free.
    func take() -> StateCache { caches.withLock { $0.popLast() } ?? StateCache() }

    /// Returns a cache after a search.
    func give(_ cache: StateCache) {
        caches.withLock { caches in
            if caches.count < Self.capacity { caches.append(cache) }
        }
    }
}
