import ArgumentParser
import ClearanceCore

/// The output formats of the commands that list things (`sources`, `history`): text or json.
enum ListingFormat {
    /// The formats' names.
    static let names = ["text", "json"]

    /// Fails unless `format` is one of them, suggesting the closest.
    static func validate(_ format: String) throws {
        guard names.contains(format) else {
            throw ValidationError("--format must be text or json; got '\(VisibleText.value(format))'\(Suggestion.didYouMean(format, among: names))")
        }
    }
}
