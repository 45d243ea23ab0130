import Synchronization

/// The DFA state caches of one regex, kept between searches so a pattern matched over and over
/// (a ticket format checked on every grant) builds its states once.
///
/// A search takes a cache, uses it alone, and gives it back; threads never share one mid-search. Caches are handed
/// out in boxes, so taking and giving one moves a single reference rather than copying the cache's tables.
final class StateCachePool: Sendable {
    /// A cache, held by one search at a time.
    final class Box: @unchecked Sendable {  // safe: only the search that took it from the pool touches it
        var cache = StateCache()
    }

    /// Caches kept at most (one per thread that searches at the same time is plenty).
    private static let capacity = 8
    private let caches = Mutex<[Box]>([])

    /// A cache to search with: a warm one if any is free.
    func take() -> Box { caches.withLock { $0.popLast() } ?? Box() }

    /// Returns a cache after a search.
    func give(_ cache: Box) {
        caches.withLock { caches in
            if caches.count < Self.capacity { caches.append(cache) }
        }
    }
}
