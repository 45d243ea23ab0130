/// A zero-width test on the position between two scalars.
enum Assertion: Sendable {
    /// `\A`, or `^` without `(?m)`: the start of the text.
    case beginText
    /// `\z`, or `$` without `(?m)`: the end of the text.
    case endText
    /// `(?m)^`: the start of the text or just after a newline.
    case beginLine
    /// `(?m)$`: the end of the text or just before a newline.
    case endLine
    /// `\b`: between an ASCII word character and a non-word character (or an end).
    case wordBoundary
    /// `\B`: not at an ASCII word boundary.
    case notWordBoundary
}

/// One step of the NFA program; jump targets are relative to the instruction's own index.
enum Instruction: Equatable, Sendable {
    /// Consumes exactly this scalar.
    case scalar(UInt32)
    /// Consumes any scalar (`(?s).`).
    case anyScalar
    /// Consumes any scalar but a newline (`.`).
    case anyExceptNewline
    /// Consumes a scalar in the program's character class at this index.
    case characterClass(Int)
    /// Continues at both relative targets.
    case split(Int, Int)
    /// Continues at the relative target.
    case jump(Int)
    /// Continues at the next instruction if the assertion holds here.
    case assertion(Assertion)
    /// The pattern has matched.
    case match
}
