/// The TeamMember kind: a person on the team, `member` in expressions, `members` by id.
public enum TeamMemberKind {
    /// Its descriptor.
    public static let descriptor = KindDescriptor(
        kind: .teamMember, bindingName: "member", shape: DocumentShapes.teamMember, lookupName: "members",
        naming: SubjectNaming(status: ["status"], details: [.init(["title"]), .init(["location", "city"])],
                              one: "person", many: "people", groupTitle: "People"))
}
