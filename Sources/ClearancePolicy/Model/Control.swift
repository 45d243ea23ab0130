import Foundation

/// A control of a compliance framework that a rule provides evidence for, such as `SOC2:CC6.1`.
public struct Control: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// A compliance framework.
    public enum Framework: String, CaseIterable, Sendable {
        case soc2 = "SOC2"
        case iso27001 = "ISO27001"
        case nist80053 = "NIST800-53"

        /// The framework's full name, for reports.
        public var title: String {
            switch self {
            case .soc2: "SOC 2 (Trust Services Criteria)"
            case .iso27001: "ISO/IEC 27001:2022 Annex A"
            case .nist80053: "NIST SP 800-53 Rev. 5"
            }
        }
    }

    /// The framework.
    public let framework: Framework
    /// The control's id within the framework, such as `CC6.1`.
    public let id: String

    /// Reads `FRAMEWORK:ID`; `nil` for any other text.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let framework = Framework(rawValue: String(parts[0])), !parts[1].isEmpty else { return nil }
        self.framework = framework
        self.id = String(parts[1])
    }

    /// `FRAMEWORK:ID`.
    public var description: String { framework.rawValue + ":" + id }

    /// Orders by framework, then by id with numbers compared as numbers (A.5.9 before A.5.10).
    public static func < (lhs: Control, rhs: Control) -> Bool {
        if lhs.framework != rhs.framework {
            return Framework.allCases.firstIndex(of: lhs.framework)! < Framework.allCases.firstIndex(of: rhs.framework)!  // safe: every case is listed
        }
        return lhs.id.compare(rhs.id, options: .numeric) == .orderedAscending
    }
}
