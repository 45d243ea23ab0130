/// The AccessManifest kind: who gets what on one system, as code; `manifest` in expressions.
public enum AccessManifestKind {
    /// Its descriptor.
    public static let descriptor = KindDescriptor(
        kind: .accessManifest, bindingName: "manifest", shape: DocumentShapes.accessManifest,
        naming: SubjectNaming(details: [.init(["system"]), .init(["owner"], prefix: "owner ")],
                              one: "access manifest", many: "access manifests", groupTitle: "Access manifests"))
}
