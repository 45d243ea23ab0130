/// The System kind: a system in the inventory and where its logs go, `system` in expressions.
public enum SystemKind {
    /// Its descriptor.
    public static let descriptor = KindDescriptor(
        kind: .system, bindingName: "system", shape: DocumentShapes.system,
        naming: SubjectNaming(details: [.init(["owner"], prefix: "owner ")], one: "system", many: "systems", groupTitle: "Systems"))
}
