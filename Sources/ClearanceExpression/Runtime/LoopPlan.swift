/// A macro's loop over a list's elements or a map's keys: `all`, `exists`, `exists_one`, `map`,
/// `filter`, `transformList`, `transformMap`.
///
/// Loop variables live in preallocated frame slots; each iteration is charged the body's cost.
final class LoopPlan: Plan {
    let kind: Comprehension.Kind
    let macro: String
    let range: any Plan
    let firstSlot: Int
    let secondSlot: Int?
    let filter: (any Plan)?
    let body: any Plan
    let offset: Int
    let cost: Int
    private let iterationCost: Int

    init(kind: Comprehension.Kind, macro: String, range: any Plan, firstSlot: Int, secondSlot: Int?,
         filter: (any Plan)?, body: any Plan, offset: Int) {
        self.kind = kind
        self.macro = macro
        self.range = range
        self.firstSlot = firstSlot
        self.secondSlot = secondSlot
        self.filter = filter
        self.body = body
        self.offset = offset
        self.iterationCost = body.cost + (filter?.cost ?? 0) + 1
        self.cost = range.cost + 1
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        let collection = try range.evaluate(&frame)
        let isMap: Bool
        switch collection.kind {
        case .list: isMap = false
        case .map: isMap = true
        default: throw EvaluationError(message: RuntimeMessages.noMatchingOverload(macro, [collection]), offset: offset)
        }
        let count = collection.containerCount ?? 0
        switch kind {
        case .all: return try quantify(collection, count, isMap, stopOn: false, &frame)
        case .exists: return try quantify(collection, count, isMap, stopOn: true, &frame)
        case .existsOne: return try countMatches(collection, count, isMap, &frame)
        case .filter: return try keep(collection, count, isMap, &frame)
        case .map, .transformList: return try transform(collection, count, isMap, &frame)
        case .transformMap: return try transformToMap(collection, count, isMap, &frame)
        }
    }

    /// `all` (stops on false) and `exists` (stops on true); other results' errors are absorbed.
    private func quantify(_ collection: Value, _ count: Int, _ isMap: Bool, stopOn: Bool, _ frame: inout Frame) throws(EvaluationError) -> Value {
        var failure: EvaluationError?
        for position in 0..<count {
            try bind(collection, position, isMap: isMap, &frame)
            do {
                switch try body.evaluate(&frame) {
                case .bool(let b): if b == stopOn { return .bool(stopOn) }
                case let other: failure = failure ?? notBool(other)
                }
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
        return .bool(!stopOn)
    }

    /// `exists_one`: exactly one true; any error is the result.
    private func countMatches(_ collection: Value, _ count: Int, _ isMap: Bool, _ frame: inout Frame) throws(EvaluationError) -> Value {
        var matches = 0
        for position in 0..<count {
            try bind(collection, position, isMap: isMap, &frame)
            switch try body.evaluate(&frame) {
            case .bool(let b): if b { matches += 1 }
            case let other: throw notBool(other)
            }
        }
        return .bool(matches == 1)
    }

    /// `filter`: the elements (or keys) the predicate holds for.
    private func keep(_ collection: Value, _ count: Int, _ isMap: Bool, _ frame: inout Frame) throws(EvaluationError) -> Value {
        var kept: [Value] = []
        for position in 0..<count {
            let element = try bind(collection, position, isMap: isMap, &frame)
            switch try body.evaluate(&frame) {
            case .bool(let b): if b { kept.append(element) }
            case let other: throw notBool(other)
            }
        }
        return .list(kept)
    }

    /// `map` and `transformList`: the body's value for each element passing the filter.
    private func transform(_ collection: Value, _ count: Int, _ isMap: Bool, _ frame: inout Frame) throws(EvaluationError) -> Value {
        var results: [Value] = []
        results.reserveCapacity(count)
        for position in 0..<count {
            try bind(collection, position, isMap: isMap, &frame)
            if try passesFilter(&frame) { results.append(try body.evaluate(&frame)) }
        }
        return .list(results)
    }

    /// `transformMap`: a map from each key (or list index) to the body's value.
    private func transformToMap(_ collection: Value, _ count: Int, _ isMap: Bool, _ frame: inout Frame) throws(EvaluationError) -> Value {
        var entries: [(key: Value, value: Value)] = []
        for position in 0..<count {
            let key = try bind(collection, position, isMap: isMap, &frame)
            if try passesFilter(&frame) { entries.append((isMap ? key : .int(Int64(position)), try body.evaluate(&frame))) }
        }
        do {
            return .map(try ValueMap(entries: entries))
        } catch {
            throw error.placed(at: offset)
        }
    }

    /// Binds the loop variables for one position and charges the iteration; returns the element (or key).
    @inline(__always)
    @discardableResult
    private func bind(_ collection: Value, _ position: Int, isMap: Bool, _ frame: inout Frame) throws(EvaluationError) -> Value {
        try frame.charge(iterationCost, at: offset)
        if isMap {
            let entry = collection.entry(at: position)
            frame.locals[firstSlot] = entry.key
            if let secondSlot { frame.locals[secondSlot] = entry.value }
            return entry.key
        }
        let element = collection.element(at: position)
        if let secondSlot {
            frame.locals[firstSlot] = .int(Int64(position))
            frame.locals[secondSlot] = element
        } else {
            frame.locals[firstSlot] = element
        }
        return element
    }

    private func passesFilter(_ frame: inout Frame) throws(EvaluationError) -> Bool {
        guard let filter else { return true }
        switch try filter.evaluate(&frame) {
        case .bool(let b): return b
        case let other: throw notBool(other)
        }
    }

    private func notBool(_ value: Value) -> EvaluationError {
        EvaluationError(message: RuntimeMessages.notBool(macro, value), offset: offset)
    }
}
