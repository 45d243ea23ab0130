extension PolicyShapes {
    /// A framework's table of controls: the ids rules may name in `controls` and their official titles.
    public static let framework = ObjectShape(
        name: "Framework", summary: "A compliance framework's controls with their official titles: rules' controls of this framework must be listed here.",
        properties: [
            Property("kind", .string(allowed: ["Framework"]), required: true),
            Property("id", .string(allowed: Control.Framework.allCases.map(\.rawValue)), required: true,
                     "The framework, as rules' controls prefix it: SOC2, ISO27001 or NIST800-53."),
            Property("title", .string(), required: true, "The framework's name."),
            Property("version", .string(), required: true, "The edition the titles come from, such as ISO/IEC 27001:2022 Annex A."),
            Property("description", .string(), "What the table is and where its titles come from."),
            Property("scope", .string(), required: true,
                     "Which of the framework's controls are listed: all of them, or some families in full. Coverage is counted over these."),
            Property("controls", .list(.object(ObjectShape(name: "framework control", summary: "One control and its title.", properties: [
                Property("id", .pattern("^[A-Za-z0-9.-]+$", description: "a control id such as CC6.1, A.5.17 or IA-2"), required: true,
                         "The control's id within the framework."),
                Property("title", .string(), required: true, "The control's title, as the framework words it."),
            ]))), required: true),
        ])
}
