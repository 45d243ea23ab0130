import ClearanceDocument

/// `x in list` or `x in map` without overload dispatch; document lists of strings are compared
/// where they are stored.
final class InPlan: Plan {
    let element: any Plan
    let container: any Plan
    let offset: Int
    let cost: Int

    init(element: any Plan, container: any Plan, offset: Int) {
        self.element = element
        self.container = container
        self.offset = offset
        self.cost = element.cost + container.cost + 1
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        let value = try element.evaluate(&frame)
        switch try container.resolve(&frame) {
        case .node(let handle, let id):
            // A document list is scanned in full at worst, and each comparison is bounded by the
            // document: charged once the scan is done.
            var meter = EqualityMeter(allowed: .max)
            let found: Bool? = handle._withUnsafeGuaranteedRef { document in
                switch document.kind(id) {
                case .sequence:
                    let count = document.count(id)
                    _ = meter.count(count)
                    if case .string(let text) = value {
                        for position in 0..<count {
                            let child = document.element(position, of: id)
                            if document.kind(child) == .string, stringsEqual(document.string(child), text) { return true }
                        }
                        return false
                    }
                    for position in 0..<count where celEquals(Value(document: document, id: document.element(position, of: id)), value, &meter) {
                        return true
                    }
                    return false
                case .mapping:
                    return NodeMaps.value(in: document, id, forKey: value) != nil
                default:
                    return nil
                }
            }
            try frame.charge(meter.used / sizeUnitsPerStep, at: offset)
            if let found { return .bool(found) }
            throw EvaluationError(message: RuntimeMessages.noMatchingOverload(Operator.in, [value, Value(document: handle.takeUnretainedValue(), id: id)]),
                                  offset: offset)
        case .value(.list(let values)):
            for candidate in values where try celEquals(candidate, value, charging: &frame, at: offset) { return .bool(true) }
            return .bool(false)
        case .value(.map(let map)):
            try frame.charge(value.textSizeForCost / sizeUnitsPerStep, at: offset)  // hashed
            return .bool(map.contains(value))
        case .value(let other):
            throw EvaluationError(message: RuntimeMessages.noMatchingOverload(Operator.in, [value, other]), offset: offset)
        }
    }
}

/// `x in [constants]`: a hash lookup in the constants instead of a scan.
final class InConstantSetPlan: Plan {
    let element: any Plan
    let keys: Set<MapKey>
    let offset: Int
    let cost: Int
    /// When every constant is a string: a few compared byte for byte, more looked up by hash.
    private let strings: [String]?
    private let stringIndex: StringKeyIndex?

    /// Sets of strings up to this size are scanned; larger ones are hashed.
    private static let scanLimit = 8

    init(element: any Plan, keys: Set<MapKey>, offset: Int) {
        self.element = element
        self.keys = keys
        self.offset = offset
        self.cost = element.cost + 1
        var strings: [String] = []
        for key in keys { if case .string(let text) = key.storage { strings.append(text) } }
        let allStrings = strings.count == keys.count
        self.strings = allStrings && strings.count <= Self.scanLimit ? strings : nil
        self.stringIndex = allStrings && strings.count > Self.scanLimit ? StringKeyIndex(strings) : nil
    }

    func evaluate(_ frame: inout Frame) throws(EvaluationError) -> Value {
        let value = try element.evaluate(&frame)
        try frame.charge(value.textSizeForCost / sizeUnitsPerStep, at: offset)  // compared or hashed
        if case .string(let text) = value {
            if let strings { return .bool(strings.contains { stringsEqual($0, text) }) }
            if let stringIndex { return .bool(stringIndex.position(of: text) != nil) }
        }
        guard let key = MapKey(lookingUp: value) else { return .bool(false) }
        return .bool(keys.contains(key))
    }
}
