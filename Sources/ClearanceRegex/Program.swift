/// A compiled pattern: instructions and the character classes they refer to.
struct Program: Sendable {
    /// The instructions; execution starts at index 0 and ends at the final `.match`.
    let instructions: [Instruction]
    /// The classes that `.characterClass` instructions refer to by index.
    let classes: [CharacterClass]
    /// Whether every match must start at the beginning of the text (the pattern starts with `\A` or `^`).
    let isAnchoredAtStart: Bool

    /// Finishes `fragment` with a match instruction.
    init(_ fragment: Fragment, classes: [CharacterClass]) {
        instructions = fragment.code + [.match]
        self.classes = classes
        isAnchoredAtStart = instructions.first == .assertion(.beginText)
    }
}
