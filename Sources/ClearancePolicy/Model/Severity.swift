/// How serious a failing control is, from `info` to `critical`.
public enum Severity: String, CaseIterable, Comparable, Sendable, Codable {
    case info, low, medium, high, critical

    /// Orders from least to most severe.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// 0 for `info` up to 4 for `critical`.
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
