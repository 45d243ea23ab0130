/// The AIWorkflow kind: a workflow that uses an AI model, `workflow` in expressions.
public enum AIWorkflowKind {
    /// Its descriptor.
    public static let descriptor = KindDescriptor(
        kind: .aiWorkflow, bindingName: "workflow", shape: DocumentShapes.aiWorkflow,
        naming: SubjectNaming(details: [.init(["provider"]), .init(["owner"], prefix: "owner ")],
                              one: "AI workflow", many: "AI workflows", groupTitle: "AI workflows"))
}
