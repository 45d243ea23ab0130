/// The ServiceAccount kind: a declared non-person account and its owner, `service_account` in expressions, `service_accounts` by id.
public enum ServiceAccountKind {
    /// Its descriptor.
    public static let descriptor = KindDescriptor(
        kind: .serviceAccount, bindingName: "service_account", shape: ObservedShapes.serviceAccount, lookupName: "service_accounts",
        naming: SubjectNaming(name: ["native_id"], details: [.init(["system"]), .init(["owner"], prefix: "owner ")],
                              one: "service account", many: "service accounts", groupTitle: "Service accounts"))
}
