/// The Source kind: one vendor's export read as evidence, `source` in expressions.
public enum SourceKind {
    /// Its descriptor.
    public static let descriptor = KindDescriptor(
        kind: .source, bindingName: "source", shape: ObservedShapes.source,
        naming: SubjectNaming(name: ["file"], details: [.init(["format"])], one: "source", many: "sources", groupTitle: "Sources"),
        isObserved: true)
}
