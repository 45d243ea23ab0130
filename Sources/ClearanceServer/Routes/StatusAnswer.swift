import ClearanceCore
import ClearanceReporting

/// `GET /v1/status`: the snapshot in service (revision, when it was loaded, what it holds, each source with its digest and
/// generation time) and the last reload's error, if the last reload failed.
struct StatusAnswer {
    let store: SnapshotStore

    var json: JSONText {
        let snapshot = store.current
        let error = store.lastError
        return .object([
            ("ready", .bool(snapshot != nil)),
            ("revision", .optional(snapshot?.revision)),
            ("loadedAt", .optional(snapshot?.loadedAt.rfc3339)),
            ("policies", .int(Int64(snapshot?.engine.policies.policies.count ?? 0))),
            ("rules", .int(Int64(snapshot?.engine.policies.rules.count ?? 0))),
            ("documents", .int(Int64(snapshot?.engine.snapshot.documents.count ?? 0))),
            ("findings", .int(Int64(snapshot?.findings.count ?? 0))),
            ("sources", .array((snapshot?.sources ?? []).map(SourcesListingJSON.source))),
            ("lastReloadError", error.map { .object([("at", .string($0.at.rfc3339)), ("message", .string($0.message))]) } ?? .null),
            ("reloadFailures", .int(Int64(store.reloadFailures))),
        ])
    }
}
