/// CEL equality: numbers compare by value across int, uint and double; values of different kinds
/// are unequal; lists and maps compare element by element.
///
/// Not charged to any budget: for constants and values of known size. Evaluation uses
/// ``celEquals(_:_:charging:at:)``.
func celEquals(_ a: Value, _ b: Value) -> Bool {
    var meter = EqualityMeter(allowed: .max)
    return celEquals(a, b, &meter)
}

/// CEL equality counting its work in `meter`, which must allow it all (an unlimited meter).
func celEquals(_ a: Value, _ b: Value, _ meter: inout EqualityMeter) -> Bool {
    equals(a, b, &meter) ?? false
}

/// CEL equality charged to an evaluation's step budget: a step for each element or entry of the
/// lists and maps compared and for every ten bytes of strings and bytes, so comparing values
/// that share structure many times over fails with the budget instead of running for hours.
func celEquals(_ a: Value, _ b: Value, charging frame: inout Frame, at offset: Int) throws(EvaluationError) -> Bool {
    var meter = EqualityMeter(allowed: frame.budget - frame.steps)
    let result = equals(a, b, &meter)
    try frame.charge(meter.used, at: offset)
    return result ?? false  // `nil` only past the budget, where charging has thrown
}

/// The work of one comparison, in steps.
struct EqualityMeter {
    /// The most steps the comparison may take.
    let allowed: Int
    /// The steps taken so far.
    private(set) var used = 0

    init(allowed: Int) { self.allowed = allowed }

    /// Counts `steps`; false once more than allowed are used.
    mutating func count(_ steps: Int) -> Bool {
        used &+= steps
        return used <= allowed
    }
}

/// Equality counting its work in `meter`; `nil` once the meter runs out.
private func equals(_ a: Value, _ b: Value, _ meter: inout EqualityMeter) -> Bool? {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.uint(let x), .uint(let y)): return x == y
    case (.double(let x), .double(let y)): return x == y
    case (.int(let x), .uint(let y)), (.uint(let y), .int(let x)): return x >= 0 && UInt64(x) == y
    case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return compareIntDouble(x, y) == 0
    case (.uint(let x), .double(let y)), (.double(let y), .uint(let x)): return compareUintDouble(x, y) == 0
    case (.string(let x), .string(let y)):
        guard meter.count(min(x.utf8.count, y.utf8.count) / sizeUnitsPerStep) else { return nil }
        return stringsEqual(x, y)
    case (.bytes(let x), .bytes(let y)):
        guard meter.count(min(x.count, y.count) / sizeUnitsPerStep) else { return nil }
        return x == y
    case (.timestamp(let x), .timestamp(let y)): return x == y
    case (.duration(let x), .duration(let y)): return x == y
    case (.type(let x), .type(let y)): return x == y
    default: break
    }
    switch (a.kind, b.kind) {
    case (.list, .list):
        guard let count = a.containerCount, count == b.containerCount else { return false }
        for position in 0..<count {
            guard meter.count(1), let equal = equals(a.element(at: position), b.element(at: position), &meter) else { return nil }
            if !equal { return false }
        }
        return true
    case (.map, .map):
        guard let count = a.containerCount, count == b.containerCount else { return false }
        for position in 0..<count {
            let entry = a.entry(at: position), aligned = b.entry(at: position)
            // Maps read from the same kind of file list their keys in the same order: try the same
            // position first. A lookup scans a document mapping, so it costs its size.
            guard meter.count(1), let sameKey = equals(entry.key, aligned.key, &meter) else { return nil }
            if !sameKey && !meter.count(count) { return nil }
            guard let other = sameKey ? aligned.value : b.lookup(entry.key) else { return false }
            guard let equal = equals(entry.value, other, &meter) else { return nil }
            if !equal { return false }
        }
        return true
    default:
        return false
    }
}

/// Compares an int with a double as cel-go does: through the double, except beyond the int range. `nil` for NaN.
func compareIntDouble(_ i: Int64, _ d: Double) -> Int? {
    if d.isNaN { return nil }
    if d < -9_223_372_036_854_775_808.0 { return 1 }
    if d > 9_223_372_036_854_775_807.0 { return -1 }
    let x = Double(i)
    return x < d ? -1 : (x > d ? 1 : 0)
}

/// Compares a uint with a double as cel-go does. `nil` for NaN.
func compareUintDouble(_ u: UInt64, _ d: Double) -> Int? {
    if d.isNaN { return nil }
    if d < 0 { return 1 }
    if d > 18_446_744_073_709_551_615.0 { return -1 }
    let x = Double(u)
    return x < d ? -1 : (x > d ? 1 : 0)
}

/// Orders two values: -1, 0 or 1; `nil` when CEL defines no order between their kinds.
///
/// Throws for NaN, which cannot be ordered.
func celCompare(_ a: Value, _ b: Value) throws(EvaluationError) -> Int? {
    func order<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
    func numeric(_ result: Int?) throws(EvaluationError) -> Int {
        guard let result else { throw EvaluationError(message: RuntimeMessages.nanOrdering) }
        return result
    }
    switch (a, b) {
    case (.int(let x), .int(let y)): return order(x, y)
    case (.uint(let x), .uint(let y)): return order(x, y)
    case (.double(let x), .double(let y)):
        guard !x.isNaN, !y.isNaN else { throw EvaluationError(message: RuntimeMessages.nanOrdering) }
        return order(x, y)
    case (.int(let x), .uint(let y)): return x < 0 ? -1 : order(UInt64(x), y)
    case (.uint(let x), .int(let y)): return y < 0 ? 1 : order(x, UInt64(y))
    case (.int(let x), .double(let y)): return try numeric(compareIntDouble(x, y))
    case (.double(let x), .int(let y)): return -(try numeric(compareIntDouble(y, x)))
    case (.uint(let x), .double(let y)): return try numeric(compareUintDouble(x, y))
    case (.double(let x), .uint(let y)): return -(try numeric(compareUintDouble(y, x)))
    case (.string(let x), .string(let y)): return compareStrings(x, y)
    case (.bytes(let x), .bytes(let y)): return x.lexicographicallyPrecedes(y) ? -1 : (x == y ? 0 : 1)
    case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
    case (.timestamp(let x), .timestamp(let y)): return order(x, y)
    case (.duration(let x), .duration(let y)): return order(x, y)
    default: return nil
    }
}
