/// The Source kind: one vendor's export read as evidence, `source` in expressions; its index gives the exports by the kind
/// their records become (`sources_by_record_kind['ManagedDevice']`: whether a device manager's export is read).
public enum SourceKind {
    /// Its descriptor.
    public static let descriptor = KindDescriptor(
        kind: .source, bindingName: "source", shape: ObservedShapes.source,
        indexes: [KindIndex(name: "sources_by_record_kind", path: ["record_kind"])],
        naming: SubjectNaming(name: ["file"], details: [.init(["format"])], one: "source", many: "sources", groupTitle: "Sources"),
        isObserved: true)
}
