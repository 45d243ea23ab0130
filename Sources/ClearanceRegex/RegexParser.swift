/// Reads a pattern in RE2 syntax and builds its program in one pass.
///
/// Like RE2's parser it keeps an explicit stack of open groups instead of recursing, so deep
/// nesting costs heap, not call stack. Each atom becomes a `Fragment` as soon as it is read;
/// a repetition operator rewrites the most recent atom, `|` and `)` combine the atoms of a group.
/// The program size is tracked throughout, so a blow-up is rejected before it is built.
struct RegexParser {
    /// One open group: the branches finished so far and the one being read.
    struct Group {
        /// The branches before the last `|`.
        var branches: [Fragment] = []
        /// The instructions the finished branches take, with the split and jump each adds.
        var branchesSize = 0
        /// The current branch up to, not including, its last atom.
        var sequence = Fragment.empty
        /// The last atom of the current branch: what a repetition operator applies to.
        var last: Fragment?
        /// The flags in force before the group opened, restored at its `)`.
        let savedFlags: RegexFlags
        /// The scalar index of the group's `(`, for "missing closing )".
        let openIndex: Int

        /// The instructions the group holds so far.
        var size: Int { branchesSize + sequence.size + (last?.size ?? 0) }

        /// Ends the current branch at a `|`.
        mutating func finishBranch() {
            if let last { sequence.append(last) }
            branches.append(sequence)
            branchesSize += sequence.size + 2
            sequence = .empty
            last = nil
        }

        /// Every branch, ending the current one.
        mutating func finish() -> [Fragment] {
            finishBranch()
            return branches
        }
    }

    /// The pattern being read.
    var scanner: PatternScanner
    /// The flags in force at the scanner's position.
    var flags: RegexFlags = []
    /// The classes the program's `.characterClass` instructions refer to.
    var classes: [CharacterClass] = []
    /// The innermost open group (the whole pattern is the outermost).
    var group = Group(savedFlags: [], openIndex: 0)
    /// The groups enclosing `group`, outermost first.
    var enclosing: [Group] = []
    /// The instructions the enclosing groups hold.
    var enclosingSize = 0
    /// Whether the previous token was a repetition operator (`a**` is an error, as in RE2).
    var followsRepetition = false
    /// Where a search for `:]` last started and what it found, so `[[:[[:...` stays linear.
    var namedClassSearch: (from: Int, found: Int?)?

    /// Compiles `pattern`.
    static func compile(_ pattern: String) throws(RegexSyntaxError) -> Program {
        var parser = RegexParser(scanner: PatternScanner(pattern))
        return try parser.parse()
    }

    private init(scanner: PatternScanner) {
        self.scanner = scanner
    }

    private mutating func parse() throws(RegexSyntaxError) -> Program {
        while let scalar = scanner.peek() {
            let start = scanner.index
            var isRepetition = false
            switch scalar {
            case "(":
                try parseOpenParen()
            case ")":
                try closeGroup()
            case "|":
                scanner.advance(by: 1)
                group.finishBranch()
                try checkSize(at: start)
            case "^":
                scanner.advance(by: 1)
                try push(.assertion(flags.contains(.multiLine) ? .beginLine : .beginText), at: start)
            case "$":
                scanner.advance(by: 1)
                try push(.assertion(flags.contains(.multiLine) ? .endLine : .endText), at: start)
            case ".":
                scanner.advance(by: 1)
                try push(flags.contains(.dotMatchesNewline) ? .anyScalar : .anyExceptNewline, at: start)
            case "[":
                try parseBracketClass()
            case "*", "+", "?":
                scanner.advance(by: 1)
                let (min, max): (Int, Int?) =
                    switch scalar {
                    case "*": (0, nil)
                    case "+": (1, nil)
                    default: (0, 1)
                    }
                try repeatLastAtom(min: min, max: max, counted: false, at: start)
                isRepetition = true
            case "{":
                isRepetition = try parseCountedRepetition()
            case "\\":
                try parseBackslash()
            default:
                scanner.advance(by: 1)
                try pushLiteral(scalar.value, at: start)
            }
            followsRepetition = isRepetition
        }
        guard enclosing.isEmpty else { throw error(.missingParen, at: group.openIndex) }
        return Program(alternation(of: group.finish()), classes: classes)
    }

    /// The error `kind` at scalar `index` of the pattern.
    func error(_ kind: RegexErrorKind, at index: Int) -> RegexSyntaxError {
        RegexSyntaxError(message: kind.message, offset: scanner.byteOffset(of: index))
    }

    // MARK: Atoms

    /// Appends a one-instruction atom read at scalar `start`.
    mutating func push(_ instruction: Instruction, at start: Int) throws(RegexSyntaxError) {
        try push(Fragment(instruction), at: start)
    }

    /// Appends an atom read at scalar `start` to the current branch.
    mutating func push(_ atom: Fragment, at start: Int) throws(RegexSyntaxError) {
        if let last = group.last { group.sequence.append(last) }
        group.last = atom
        try checkSize(at: start)
    }

    /// Appends a literal scalar, or its case orbit under `(?i)`.
    mutating func pushLiteral(_ value: UInt32, at start: Int) throws(RegexSyntaxError) {
        if flags.contains(.caseInsensitive) {
            let orbit = CaseFolding.orbit(of: value)
            if orbit.count > 1 {
                try pushClass(ClassMembers(ranges: ScalarRangeSet(orbit.map { $0...$0 })), at: start)
                return
            }
        }
        try push(.scalar(value), at: start)
    }

    /// Appends a character class, or a plain scalar when it has exactly one member.
    mutating func pushClass(_ members: ClassMembers, isInverted: Bool = false, at start: Int) throws(RegexSyntaxError) {
        let characterClass = CharacterClass(members, isInverted: isInverted)
        if let only = characterClass.onlyMember {
            try push(.scalar(only), at: start)
        } else {
            classes.append(characterClass)
            try push(.characterClass(classes.count - 1), at: start)
        }
    }

    /// The alternation of `branches`; when each is one scalar or class (`a|b|[cd]`), one class
    /// instead, as RE2 simplifies it, so that `(a|b){900}` is 900 instructions and not 2,700.
    private mutating func alternation(of branches: [Fragment]) -> Fragment {
        guard branches.count > 1 else { return Fragment.alternation(branches) }
        var ranges: [ClosedRange<UInt32>] = []
        var tests: [CategoryTest] = []
        for branch in branches {
            switch branch.code.count == 1 ? branch.code.first : nil {
            case .scalar(let value):
                ranges.append(value...value)
            case .characterClass(let index) where !classes[index].isInverted:
                ranges += classes[index].members.ranges.ranges
                tests += classes[index].members.tests
            default:
                return Fragment.alternation(branches)
            }
        }
        let members = ClassMembers(ranges: ScalarRangeSet(ranges), tests: CategoryTest.merged(tests))
        classes.append(CharacterClass(members))
        return Fragment(.characterClass(classes.count - 1))
    }

    private func checkSize(at start: Int) throws(RegexSyntaxError) {
        if enclosingSize + group.size > RegexLimits.maxProgramSize { throw error(.tooLarge, at: start) }
    }

    // MARK: Groups

    private mutating func parseOpenParen() throws(RegexSyntaxError) {
        let start = scanner.index
        scanner.advance(by: 1)
        guard scanner.peek() == "?" else { return try openGroup(at: start) }
        if scanner.hasPrefix("?=") || scanner.hasPrefix("?!") || scanner.hasPrefix("?<=") || scanner.hasPrefix("?<!") {
            scanner.advance(by: scanner.peek(1) == "<" ? 3 : 2)
            throw error(.invalidPerlSyntax(scanner.text(from: start)), at: start)
        }
        if scanner.hasPrefix("?P<") || scanner.hasPrefix("?<") {
            try parseGroupName(openedAt: start)
            return try openGroup(at: start)
        }
        try parseFlags(openedAt: start)
    }

    /// Reads the `?P<name>` or `?<name>` of a named group; names are ASCII word characters.
    private mutating func parseGroupName(openedAt start: Int) throws(RegexSyntaxError) {
        scanner.advance(by: scanner.peek(1) == "P" ? 3 : 2)
        let nameStart = scanner.index
        guard let end = scanner.firstIndex(of: ">") else {
            throw error(.invalidNamedCapture(scanner.text(from: start, to: Int.max)), at: start)
        }
        let name = scanner.text(from: nameStart, to: end)
        scanner.rewind(to: end + 1)
        let isWord = { (scalar: Unicode.Scalar) in ASCIIClasses.word.contains(scalar.value) }
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(isWord) else {
            throw error(.invalidNamedCapture(scanner.text(from: start)), at: start)
        }
    }

    /// Reads `(?flags)` or `(?flags:`, as `(?i)`, `(?-s)`, `(?im-sU:`.
    private mutating func parseFlags(openedAt start: Int) throws(RegexSyntaxError) {
        scanner.advance(by: 1)
        var newFlags = flags
        var isClearing = false
        var sawFlag = false
        while let letter = scanner.next() {
            if let flag = RegexFlags(letter: letter) {
                if isClearing { newFlags.remove(flag) } else { newFlags.insert(flag) }
                sawFlag = true
            } else if letter == "-", !isClearing {
                isClearing = true
                sawFlag = false
            } else if letter == ":" || letter == ")", !isClearing || sawFlag {
                if letter == ":" { try openGroup(at: start) }
                flags = newFlags
                return
            } else {
                break
            }
        }
        throw error(.invalidPerlSyntax(scanner.text(from: start)), at: start)
    }

    private mutating func openGroup(at start: Int) throws(RegexSyntaxError) {
        guard enclosing.count < RegexLimits.maxNesting else { throw error(.nestingTooDeep, at: start) }
        enclosingSize += group.size
        enclosing.append(group)
        group = Group(savedFlags: flags, openIndex: start)
    }

    private mutating func closeGroup() throws(RegexSyntaxError) {
        let start = scanner.index
        scanner.advance(by: 1)
        guard let parent = enclosing.popLast() else { throw error(.unexpectedParen, at: start) }
        let fragment = alternation(of: group.finish())
        flags = group.savedFlags
        group = parent
        enclosingSize -= parent.size
        try push(fragment, at: start)
    }
}
