/// An error a person can act on: a stable code, a message, and where it happened.
///
/// Rendered as `file:line:col: message`, then the source line and a caret under the column.
/// Related places (the first of two duplicate keys, say) follow as notes in the same form.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// A secondary place that explains the diagnostic, such as where a duplicate was first defined.
    public struct Note: Hashable, Sendable {
        /// What this place is.
        public var message: String
        /// Where it is.
        public var location: SourceLocation
        /// The text of the source line at `location`, when known.
        public var sourceLine: String?

        /// Creates a note.
        public init(message: String, location: SourceLocation, sourceLine: String? = nil) {
            self.message = message
            self.location = location
            self.sourceLine = sourceLine
        }
    }

    /// A stable identifier of the kind of error, such as `yaml.duplicate-key`.
    public var code: String
    /// What went wrong, in words a person understands.
    public var message: String
    /// Where it went wrong; `nil` for errors about a whole file or about no file.
    public var location: SourceLocation?
    /// The path the diagnostic is about when there is no position in it (an unreadable file).
    public var file: String?
    /// The text of the source line at `location`, when known.
    public var sourceLine: String?
    /// Related places.
    public var notes: [Note]
    /// Whether the diagnostic stops the run (an error) or only advises (a warning of `clearance lint`, a note).
    public var level: Level = .error

    /// How serious a diagnostic is.
    public enum Level: String, Hashable, Sendable {
        /// The input cannot be used: the run ends with exit code 2.
        case error
        /// The input works but is probably not what its author meant.
        case warning
        /// Worth knowing about the run, and nothing wrong (a waiver for a rule outside narrowed policies).
        case note
    }

    /// Creates a diagnostic at a position.
    public init(code: String, message: String, location: SourceLocation?, sourceLine: String? = nil, notes: [Note] = []) {
        self.code = code
        self.message = message
        self.location = location
        self.file = location?.file
        self.sourceLine = sourceLine
        self.notes = notes
    }

    /// Creates a diagnostic about a whole file, with no position in it.
    public init(code: String, message: String, file: String) {
        self.code = code
        self.message = message
        self.location = nil
        self.file = file
        self.sourceLine = nil
        self.notes = []
    }

    /// The full rendering: headline, source line and caret, then each note the same way.
    public var rendered: String {
        var lines: [String] = []
        lines.append(description)
        if let location, let sourceLine { lines.append(contentsOf: SourceSnippet.render(line: sourceLine, column: location.column)) }
        for note in notes {
            lines.append(Self.headline("note: " + note.message, location: note.location, file: nil))
            if let sourceLine = note.sourceLine {
                lines.append(contentsOf: SourceSnippet.render(line: sourceLine, column: note.location.column))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The headline alone: `file:line:col: message`, with control characters escaped and an overlong message cut (``VisibleText``).
    public var description: String {
        Self.headline(level == .warning ? "warning: " + message : level == .note ? "note: " + message : message, location: location, file: file)
    }

    private static func headline(_ message: String, location: SourceLocation?, file: String?) -> String {
        let message = VisibleText.message(message)
        if let location { return VisibleText.lineStart(VisibleText.escaped("\(location)") + ": " + message) }
        if let file { return VisibleText.lineStart(VisibleText.escaped(file) + ": " + message) }
        return VisibleText.lineStart(message)
    }
}

extension Diagnostic: Comparable {
    /// Orders by location (diagnostics without one first), then by message.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case let (l?, r?) where l != r: return l < r
        case (nil, _?): return true
        case (_?, nil): return false
        default:
            if (lhs.file ?? "") != (rhs.file ?? "") { return (lhs.file ?? "") < (rhs.file ?? "") }
            return lhs.message < rhs.message
        }
    }
}
