import ClearanceRegex

/// A regular expression a string must match (anchored as written), with words for messages.
///
/// Compiled once, by the project's linear-time regex engine; a pattern that does not compile
/// matches nothing, and ``DocumentKinds`` refuses to register a shape that holds one.
public struct TextPattern: Sendable {
    /// The pattern in RE2 syntax, such as `^[a-z0-9._-]+$`.
    public let pattern: String
    /// What the pattern asks for, in words: "an id of lowercase letters, digits, '.', '_' and '-'".
    public let description: String
    /// The compiled pattern; `nil` when it does not compile.
    let regex: LinearRegex?
    /// Why the pattern does not compile; `nil` when it does.
    public let problem: String?

    /// Compiles a pattern.
    public init(_ pattern: String, description: String) {
        self.pattern = pattern
        self.description = description
        do throws(RegexSyntaxError) {
            regex = try LinearRegex(pattern)
            problem = nil
        } catch {
            regex = nil
            problem = "\(error)"
        }
    }

    /// Whether `text` matches; never for a pattern that did not compile.
    public func matches(_ text: String) -> Bool { regex?.matches(text) ?? false }
}
