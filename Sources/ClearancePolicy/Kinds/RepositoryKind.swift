/// The Repository kind: a source code repository, `repository` in expressions.
public enum RepositoryKind {
    /// Its descriptor.
    public static let descriptor = KindDescriptor(
        kind: .repository, bindingName: "repository", shape: DocumentShapes.repository,
        naming: SubjectNaming(details: [.init(["visibility"]), .init(["owner"], prefix: "owner ")],
                              one: "repository", many: "repositories", groupTitle: "Repositories"))
}
