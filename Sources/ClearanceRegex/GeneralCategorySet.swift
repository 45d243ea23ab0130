/// A set of Unicode general categories, such as the seven that make up `\p{P}`.
struct GeneralCategorySet: OptionSet, Sendable {
    let rawValue: UInt32

    /// Creates a set from its bits.
    init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The set holding only `category`.
    init(_ category: Unicode.GeneralCategory) {
        self.init(rawValue: 1 << GeneralCategorySet.bit(of: category))
    }

    /// Creates the union of `categories`.
    init(_ categories: [Unicode.GeneralCategory]) {
        self = categories.reduce(into: []) { $0.formUnion(GeneralCategorySet($1)) }
    }

    /// Whether `scalar`'s general category is in the set.
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        rawValue & (1 << GeneralCategorySet.bit(of: scalar.properties.generalCategory)) != 0
    }

    private static func bit(of category: Unicode.GeneralCategory) -> UInt32 {
        switch category {
        case .uppercaseLetter: 0
        case .lowercaseLetter: 1
        case .titlecaseLetter: 2
        case .modifierLetter: 3
        case .otherLetter: 4
        case .nonspacingMark: 5
        case .spacingMark: 6
        case .enclosingMark: 7
        case .decimalNumber: 8
        case .letterNumber: 9
        case .otherNumber: 10
        case .connectorPunctuation: 11
        case .dashPunctuation: 12
        case .openPunctuation: 13
        case .closePunctuation: 14
        case .initialPunctuation: 15
        case .finalPunctuation: 16
        case .otherPunctuation: 17
        case .mathSymbol: 18
        case .currencySymbol: 19
        case .modifierSymbol: 20
        case .otherSymbol: 21
        case .spaceSeparator: 22
        case .lineSeparator: 23
        case .paragraphSeparator: 24
        case .control: 25
        case .format: 26
        case .surrogate: 27
        case .privateUse: 28
        case .unassigned: 29
        @unknown default: 29
        }
    }
}
