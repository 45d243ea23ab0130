/// What a name in `\p{...}` stands for: a general category, a script, or one of RE2's specials.
///
/// Names match as Go's regexp matches them: ignoring case, `_`, `-` and spaces, so `\p{Lu}`,
/// `\p{lu}` and `\p{Uppercase_Letter}` are the same class.
enum UnicodeProperty {
    /// Scalars by range: scripts (`Greek`), `Any` and `ASCII`.
    case ranges(ScalarRangeSet)
    /// Scalars by general category, inverted for `Assigned` (everything but unassigned).
    case categories(GeneralCategorySet, isInverse: Bool)

    /// The property `name` names, if any.
    init?(named name: String) {
        let key = UnicodeProperty.canonical(name)
        switch key {
        case "any": self = .ranges(.all)
        case "ascii": self = .ranges(ScalarRangeSet([0...0x7F]))
        case "assigned": self = .categories(GeneralCategorySet(.unassigned), isInverse: true)
        default:
            if let categories = UnicodeProperty.categories[key] {
                self = .categories(GeneralCategorySet(categories), isInverse: false)
            } else if let ranges = UnicodeProperty.scripts[key] {
                self = .ranges(ranges)
            } else {
                return nil
            }
        }
    }

    /// `name` lowercased without `_`, `-` and spaces.
    private static func canonical(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !["_", "-", " "].contains($0) })
    }

    /// The general categories and their groups, by short and long name (PropertyValueAliases.txt).
    private static let categories: [String: [Unicode.GeneralCategory]] = {
        let letters: [Unicode.GeneralCategory] = [
            .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        ]
        let marks: [Unicode.GeneralCategory] = [.nonspacingMark, .spacingMark, .enclosingMark]
        let numbers: [Unicode.GeneralCategory] = [.decimalNumber, .letterNumber, .otherNumber]
        let punctuation: [Unicode.GeneralCategory] = [
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
        ]
        let symbols: [Unicode.GeneralCategory] = [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
        let separators: [Unicode.GeneralCategory] = [.spaceSeparator, .lineSeparator, .paragraphSeparator]
        let others: [Unicode.GeneralCategory] = [.control, .format, .unassigned, .privateUse, .surrogate]
        let names: [([String], [Unicode.GeneralCategory])] = [
            (["L", "Letter"], letters),
            (["LC", "Cased_Letter"], [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter]),
            (["Lu", "Uppercase_Letter"], [.uppercaseLetter]),
            (["Ll", "Lowercase_Letter"], [.lowercaseLetter]),
            (["Lt", "Titlecase_Letter"], [.titlecaseLetter]),
            (["Lm", "Modifier_Letter"], [.modifierLetter]),
            (["Lo", "Other_Letter"], [.otherLetter]),
            (["M", "Mark", "Combining_Mark"], marks),
            (["Mn", "Nonspacing_Mark"], [.nonspacingMark]),
            (["Mc", "Spacing_Mark"], [.spacingMark]),
            (["Me", "Enclosing_Mark"], [.enclosingMark]),
            (["N", "Number"], numbers),
            (["Nd", "Decimal_Number", "digit"], [.decimalNumber]),
            (["Nl", "Letter_Number"], [.letterNumber]),
            (["No", "Other_Number"], [.otherNumber]),
            (["P", "Punctuation", "punct"], punctuation),
            (["Pc", "Connector_Punctuation"], [.connectorPunctuation]),
            (["Pd", "Dash_Punctuation"], [.dashPunctuation]),
            (["Ps", "Open_Punctuation"], [.openPunctuation]),
            (["Pe", "Close_Punctuation"], [.closePunctuation]),
            (["Pi", "Initial_Punctuation"], [.initialPunctuation]),
            (["Pf", "Final_Punctuation"], [.finalPunctuation]),
            (["Po", "Other_Punctuation"], [.otherPunctuation]),
            (["S", "Symbol"], symbols),
            (["Sm", "Math_Symbol"], [.mathSymbol]),
            (["Sc", "Currency_Symbol"], [.currencySymbol]),
            (["Sk", "Modifier_Symbol"], [.modifierSymbol]),
            (["So", "Other_Symbol"], [.otherSymbol]),
            (["Z", "Separator"], separators),
            (["Zs", "Space_Separator"], [.spaceSeparator]),
            (["Zl", "Line_Separator"], [.lineSeparator]),
            (["Zp", "Paragraph_Separator"], [.paragraphSeparator]),
            (["C", "Other"], others),
            (["Cc", "Control", "cntrl"], [.control]),
            (["Cf", "Format"], [.format]),
            (["Cn", "Unassigned"], [.unassigned]),
            (["Co", "Private_Use"], [.privateUse]),
            (["Cs", "Surrogate"], [.surrogate]),
        ]
        var table: [String: [Unicode.GeneralCategory]] = [:]
        for (aliases, categories) in names {
            for alias in aliases { table[canonical(alias)] = categories }
        }
        return table
    }()

    /// The scripts of `UnicodeScripts.table`, parsed on first use.
    private static let scripts: [String: ScalarRangeSet] = {
        var table: [String: ScalarRangeSet] = [:]
        var name: String?
        var ranges: [ClosedRange<UInt32>] = []
        for word in UnicodeScripts.table.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if word.hasSuffix(":") {
                if let name { table[canonical(name)] = ScalarRangeSet(ranges) }
                name = String(word.dropLast())
                ranges = []
            } else {
                let bounds = word.split(separator: "-").compactMap { UInt32($0, radix: 16) }
                if let low = bounds.first, let high = bounds.last, low <= high { ranges.append(low...high) }
            }
        }
        if let name { table[canonical(name)] = ScalarRangeSet(ranges) }
        return table
    }()
}
