import ClearanceCore
import CoreMetrics
import Prometheus
import Synchronization

/// What `/metrics` shows in Prometheus text: requests and their latency per route and status, the snapshot's age and the
/// reload failures. The metrics live in a registry of the server's own (no process-wide bootstrap), made through swift-metrics.
public final class ServerMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let reportedFailures = Mutex(0)
    /// Each route, method and status's counter and latency timer, made once and kept: making them per request would look
    /// them up in the registry every time.
    private let handles = Mutex<[Series: (CoreMetrics.Counter, CoreMetrics.Timer)]>([:])

    /// A route, method and status: one counter series.
    private struct Series: Hashable {
        let route: String
        let method: String
        let status: Int
    }

    /// The latency buckets, in seconds: from a tenth of a millisecond to ten seconds.
    static let latencyBuckets: [Duration] = [.microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .microseconds(2_500),
                                             .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                                             .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(10)]

    /// Empty metrics.
    public init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = ["clearance_request_duration_seconds": Self.latencyBuckets]
        self.factory = factory
    }

    /// Counts one answer of a route (its template, `NotFound` for none) with its status, and how long it took.
    func record(route: String, method: String, status: Int, duration: Duration) {
        let (counter, timer) = handles.withLock { handles in
            let key = Series(route: route, method: method, status: status)
            if let made = handles[key] { return made }
            let dimensions = [("route", route), ("method", method)]
            let made = (CoreMetrics.Counter(label: "clearance_requests_total", dimensions: dimensions + [("status", String(status))], factory: factory),
                        CoreMetrics.Timer(label: "clearance_request_duration_seconds", dimensions: dimensions, factory: factory))
            handles[key] = made
            return made
        }
        counter.increment()
        let (seconds, attoseconds) = duration.components
        timer.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// The Prometheus text of every metric, with the snapshot's age and the reload failures read from `store` at `now`.
    func exposition(_ store: SnapshotStore, now: Timestamp) -> String {
        if let snapshot = store.current {
            Gauge(label: "clearance_snapshot_age_seconds", factory: factory).record(Double(now.seconds - snapshot.loadedAt.seconds))
        }
        Gauge(label: "clearance_snapshot_loaded", factory: factory).record(store.current == nil ? 0 : 1)
        let failures = store.reloadFailures
        let newly = reportedFailures.withLock { reported in
            defer { reported = failures }
            return failures - reported
        }
        Counter(label: "clearance_reload_failures_total", factory: factory).increment(by: newly)
        return registry.emitToString()
    }
}
