/// The TeamMember kind: a person on the team, `member` in expressions, `members` by id,
/// `member_emails` and `member_idp_ids` from an email or an identity-provider id to the members holding it.
public enum TeamMemberKind {
    /// Its descriptor.
    public static let descriptor = KindDescriptor(
        kind: .teamMember, bindingName: "member", shape: DocumentShapes.teamMember, lookupName: "members",
        indexes: [KindIndex(name: "member_emails", path: ["email"]), KindIndex(name: "member_idp_ids", path: ["identity", "idp_id"])],
        naming: SubjectNaming(status: ["status"], details: [.init(["title"]), .init(["location", "city"])],
                              one: "person", many: "people", groupTitle: "People"))
}
