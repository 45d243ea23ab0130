/// Tells an evaluation stopped at its step budget (``CompileOptions/stepBudget``) from other evaluation errors.
public enum StepBudget {
    /// How the message of an evaluation stopped at its budget ends.
    static let exceededEnding = " steps and was stopped"

    /// Whether an error message, or a finding's message quoting one, says the evaluation was stopped at its step budget.
    public static func wasExceeded(_ message: String) -> Bool {
        message.hasSuffix(exceededEnding) && message.contains("evaluation took more than ")
    }
}
