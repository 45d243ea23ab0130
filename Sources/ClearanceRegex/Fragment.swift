/// A piece of NFA program that runs off its end when it matches (Thompson's construction).
///
/// Jumps are relative, so fragments concatenate and repeat by plain copying. The parser builds
/// the program from fragments as it reads the pattern, without an intermediate tree.
struct Fragment: Sendable {
    /// The instructions.
    private(set) var code: [Instruction]
    /// The largest product of nested counted repetitions inside (`(a{10}){20}` has 200); 1 if none.
    private(set) var repeatProduct = 1

    /// The fragment that matches the empty string.
    static let empty = Fragment(code: [])

    private init(code: [Instruction]) {
        self.code = code
    }

    /// A fragment of one instruction.
    init(_ instruction: Instruction) {
        code = [instruction]
    }

    /// The number of instructions.
    var size: Int { code.count }

    /// Appends `other`, so that it runs after this fragment.
    mutating func append(_ other: Fragment) {
        code += other.code
        repeatProduct = max(repeatProduct, other.repeatProduct)
    }

    /// A fragment matching any one of `branches`.
    static func alternation(_ branches: [Fragment]) -> Fragment {
        guard var result = branches.last else { return .empty }
        for branch in branches.dropLast().reversed() {
            // split(branch, rest); branch; jump past rest; rest
            var code: [Instruction] = [.split(1, branch.size + 2)]
            code += branch.code
            code.append(.jump(result.size + 1))
            result = Fragment(code: code + result.code, product: max(branch.repeatProduct, result.repeatProduct))
        }
        return result
    }

    /// The number of instructions `repeated(min:max:)` produces, computed without building it.
    func sizeRepeated(min: Int, max: Int?) -> Int {
        guard size > 0 else { return 0 }
        guard let max else { return min == 0 ? size + 2 : min * size + 1 }
        return min * size + (max - min) * (size + 1)
    }

    /// The product of counted repetitions that `x{min,max}` has, for RE2's limit of 1000.
    func productRepeated(min: Int, max: Int?) -> Int {
        max == 0 ? 1 : Swift.max(max ?? min, 1) * repeatProduct
    }

    /// This fragment repeated at least `min` and at most `max` times (nil: unbounded).
    ///
    /// `x{2,4}` becomes `xx(x(x)?)?` and `x{2,}` becomes `xx+`, as RE2 compiles them.
    func repeated(min: Int, max: Int?, counted: Bool) -> Fragment {
        let product = counted ? productRepeated(min: min, max: max) : repeatProduct
        guard size > 0, max != 0 else { return Fragment(code: [], product: product) }
        var result = Fragment(code: [], product: product)
        guard let max else {
            if min == 0 { return Fragment(code: star(), product: product) }
            for _ in 1..<min { result.code += code }
            result.code += code + [.split(-size, 1)]
            return result
        }
        var optional: [Instruction] = []
        for _ in min..<max {
            // (x optional)? : split(in, out); x; optional
            optional = [.split(1, size + optional.count + 1)] + code + optional
        }
        for _ in 0..<min { result.code += code }
        result.code += optional
        return result
    }

    private init(code: [Instruction], product: Int) {
        self.code = code
        repeatProduct = product
    }

    private func star() -> [Instruction] {
        [.split(1, size + 2)] + code + [.jump(-(size + 1))]
    }
}
