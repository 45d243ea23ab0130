/// The Account kind: an account on one system as its export shows it, `account` in expressions; its indexes give
/// each person's accounts (`accounts_of[member.id]`) and each ServiceAccount's (`accounts_of_service[service_account.id]`).
public enum AccountKind {
    /// Its descriptor.
    public static let descriptor = KindDescriptor(
        kind: .account, bindingName: "account", shape: ObservedShapes.account,
        indexes: [KindIndex(name: "accounts_of", path: ["person"], holds: .documents),
                  KindIndex(name: "accounts_of_service", path: ["service_account"], holds: .documents)],
        naming: SubjectNaming(name: ["id"], status: ["status"], details: [.init(["login"]), .init(["person"], prefix: "person ")],
                              one: "account", many: "accounts", groupTitle: "Accounts"),
        isObserved: true)
}
