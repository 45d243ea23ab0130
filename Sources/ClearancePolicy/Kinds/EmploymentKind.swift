/// The Employment kind: a person's employment as the HR roster shows it, `employment` in expressions;
/// its index gives each person's records (`employment_of[member.id]`).
public enum EmploymentKind {
    /// Its descriptor.
    public static let descriptor = KindDescriptor(
        kind: .employment, bindingName: "employment", shape: ObservedShapes.employment,
        indexes: [KindIndex(name: "employment_of", path: ["person"], holds: .documents)],
        naming: SubjectNaming(name: ["email"], status: ["status"], details: [.init(["employee_id"], prefix: "employee "), .init(["department"])],
                              one: "employment record", many: "employment records", groupTitle: "Employment records"),
        isObserved: true)
}
