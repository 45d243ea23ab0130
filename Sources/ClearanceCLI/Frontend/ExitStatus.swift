import ArgumentParser

/// Clearance's exit codes: 0 nothing failing, 1 failing findings, 2 the run could not be trusted.
public enum ExitStatus {
    /// Nothing failed at or above the threshold.
    public static let success = ExitCode(0)
    /// At least one finding failed at or above the threshold.
    public static let findingsFailed = ExitCode(1)
    /// Bad policy, bad input or bad flag: the result cannot be trusted.
    public static let untrusted = ExitCode(2)
}
