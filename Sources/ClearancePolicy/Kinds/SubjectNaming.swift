/// How reports name a document of one kind: the field holding its name, an optional status,
/// and the short facts shown under the name.
public struct SubjectNaming: Sendable {
    /// One short fact: the string at a field path, with an optional prefix (`owner ` + the owner).
    public struct Detail: Sendable {
        /// The keys from the document's root to the field.
        public let path: [String]
        /// Text written before the value.
        public let prefix: String

        /// A fact read at `path`, shown after `prefix`.
        public init(_ path: [String], prefix: String = "") {
            self.path = path
            self.prefix = prefix
        }
    }

    /// The keys to the document's name.
    public let name: [String]
    /// The keys to a status shown with the name (a person's `status`), if the kind has one.
    public let status: [String]?
    /// The facts shown under the name, in order; a missing or non-string one is left out.
    public let details: [Detail]
    /// The word for one document and for several, as summaries count them (`person`, `people`).
    public let one: String, many: String
    /// The heading of the kind's section in the HTML report (`People`).
    public let groupTitle: String

    /// Creates a naming.
    public init(name: [String] = ["name"], status: [String]? = nil, details: [Detail] = [], one: String, many: String, groupTitle: String) {
        self.name = name
        self.status = status
        self.details = details
        self.one = one
        self.many = many
        self.groupTitle = groupTitle
    }
}
