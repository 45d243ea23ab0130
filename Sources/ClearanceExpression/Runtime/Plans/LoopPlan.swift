import ClearanceDocument

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
        let collection: Items
        switch try range.resolve(&frame) {
        case .node(let handle, let id):
            let isSequence = handle._withUnsafeGuaranteedRef { $0.kind(id) == .sequence }
            collection = isSequence ? .nodes(handle, id) : .value(Value(document: handle.takeUnretainedValue(), id: id))
        case .value(let value):
            collection = .value(value)
        }
        let isMap: Bool, count: Int
        switch collection {
        case .nodes(let handle, let id):
            isMap = false
            count = handle._withUnsafeGuaranteedRef { $0.count(id) }
        case .value(let value):
            switch value.kind {
            case .list: isMap = false
            case .map: isMap = true
            default: throw EvaluationError(message: RuntimeMessages.noMatchingOverload(macro, [value]), offset: offset)
            }
            count = value.containerCount ?? 0
        }
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
    private func quantify(_ collection: Items, _ count: Int, _ isMap: Bool, stopOn: Bool, _ frame: inout Frame) throws(EvaluationError) -> Value {
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
    private func countMatches(_ collection: Items, _ count: Int, _ isMap: Bool, _ frame: inout Frame) throws(EvaluationError) -> Value {
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
    private func keep(_ collection: Items, _ count: Int, _ isMap: Bool, _ frame: inout Frame) throws(EvaluationError) -> Value {
        var kept: [Value] = []
        for position in 0..<count {
            try bind(collection, position, isMap: isMap, &frame)
            switch try body.evaluate(&frame) {
            case .bool(let b): if b { kept.append(isMap ? frame.local(firstSlot) : collection.element(at: position)) }
            case let other: throw notBool(other)
            }
        }
        return .list(kept)
    }

    /// `map` and `transformList`: the body's value for each element passing the filter.
    private func transform(_ collection: Items, _ count: Int, _ isMap: Bool, _ frame: inout Frame) throws(EvaluationError) -> Value {
        var results: [Value] = []
        results.reserveCapacity(count)
        for position in 0..<count {
            try bind(collection, position, isMap: isMap, &frame)
            if try passesFilter(&frame) { results.append(try body.evaluate(&frame)) }
        }
        return .list(results)
    }

    /// `transformMap`: a map from each key (or list index) to the body's value.
    private func transformToMap(_ collection: Items, _ count: Int, _ isMap: Bool, _ frame: inout Frame) throws(EvaluationError) -> Value {
        var entries: [(key: Value, value: Value)] = []
        for position in 0..<count {
            try bind(collection, position, isMap: isMap, &frame)
            if try passesFilter(&frame) { entries.append((isMap ? frame.local(firstSlot) : .int(Int64(position)), try body.evaluate(&frame))) }
        }
        do {
            return .map(try ValueMap(entries: entries))
        } catch {
            throw error.placed(at: offset)
        }
    }

    /// Binds the loop variables for one position and charges the iteration.
    ///
    /// Elements of document lists are bound as cursors: no value is built unless the body asks for one.
    @inline(__always)
    private func bind(_ collection: Items, _ position: Int, isMap: Bool, _ frame: inout Frame) throws(EvaluationError) {
        try frame.charge(iterationCost, at: offset)
        switch collection {
        case .nodes(let handle, let id):
            let elementSlot: Int
            if let secondSlot {
                frame.bind(firstSlot, .int(Int64(position)))
                elementSlot = secondSlot
            } else {
                elementSlot = firstSlot
            }
            frame.bind(elementSlot, document: handle, id: handle._withUnsafeGuaranteedRef { $0.element(position, of: id) })
        case .value(let value) where isMap:
            let entry = value.entry(at: position)
            frame.bind(firstSlot, entry.key)
            if let secondSlot { frame.bind(secondSlot, entry.value) }
        case .value(let value):
            if let secondSlot {
                frame.bind(firstSlot, .int(Int64(position)))
                frame.bind(secondSlot, value.element(at: position))
            } else {
                frame.bind(firstSlot, value.element(at: position))
            }
        }
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

/// What a loop iterates: a document sequence read in place, or a list or map value.
enum Items {
    case nodes(Unmanaged<Document>, NodeID)
    case value(Value)

    /// The element at a position, as a value.
    func element(at position: Int) -> Value {
        switch self {
        case .nodes(let handle, let id):
            let document = handle.takeUnretainedValue()
            return Value(document: document, id: document.element(position, of: id))
        case .value(let value): return value.element(at: position)
        }
    }
}
