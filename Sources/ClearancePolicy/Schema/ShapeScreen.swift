import ClearanceDocument

/// A quick yes-or-no test that a document has none of the problems ``ShapeChecker`` reports, for
/// the input documents loaded with one symbol table: most have none, and for those the test is
/// all the checking there is. A document it does not pass is walked by ``ShapeChecker``, which
/// says what is wrong (or finds nothing, when the test was only unsure: a key that is not one of
/// the table's symbols, or a document of another table).
///
/// The shapes are flattened into tables of plain numbers, read through pointers: documents are
/// checked on several threads at once, and reading the shapes themselves would count references
/// to the same few objects from every thread.
final class ShapeScreen: @unchecked Sendable {  // safe: the tables are written in `init` only, then only read
    /// What a slot tests.
    private enum Test: UInt8 {
        case string, allowedString, pattern, expression, template, boolean, integer, timestamp
        case nullable, list, dictionary, object, oneOf, any
    }

    /// One shape: its test and two numbers whose meaning depends on it (an inner slot, an object,
    /// a range of allowed values, a pattern, a range of alternatives).
    private struct Slot {
        var test: Test
        var first: Int32 = 0
        var count: Int32 = 0
    }

    /// One object shape: its property positions by symbol number, each property's slot, and which are required.
    fileprivate struct Object {
        var positionsStart: Int32
        var positionsCount: Int32
        var propertySlotsStart: Int32
        var required: UInt64
        var isClosed: Bool
    }

    private let slots: UnsafeMutableBufferPointer<Slot>
    private let objects: UnsafeMutableBufferPointer<Object>
    /// Per object, the property position for each symbol number, or -1.
    private let positions: UnsafeMutableBufferPointer<Int32>
    private let propertySlots: UnsafeMutableBufferPointer<Int32>
    /// Alternatives of `oneOf` slots, as slot numbers.
    private let alternatives: UnsafeMutableBufferPointer<Int32>
    /// Allowed strings, each a range of ``allowedBytes``.
    private let allowedRanges: UnsafeMutableBufferPointer<(start: Int32, end: Int32)>
    private let allowedBytes: UnsafeMutableBufferPointer<UInt8>
    /// Patterns are objects of their own; strings matched against one are few.
    private let patterns: [TextPattern]
    /// The slot of each object shape, by identity (every object shape reachable, each once).
    private let roots: [ObjectIdentifier: Int32]
    /// The table whose symbols the positions are indexed by.
    let table: SymbolTable

    /// The flattened form of every shape reachable from `shapes`, with keys as symbols of `table`
    /// (names from the shapes, never from data).
    init(_ shapes: [Shape], in table: SymbolTable) {
        var builder = Builder(table: table)
        for shape in shapes { _ = builder.slot(for: shape) }
        self.table = table
        slots = .copying(builder.slots)
        objects = .copying(builder.objects)
        positions = .copying(builder.positions)
        propertySlots = .copying(builder.propertySlots)
        alternatives = .copying(builder.alternatives)
        allowedRanges = .copying(builder.allowedRanges)
        allowedBytes = .copying(builder.allowedBytes)
        patterns = builder.patterns
        roots = builder.objectSlots
    }

    deinit {
        // Plain numbers all: nothing to deinitialise.
        slots.deallocate()
        objects.deallocate()
        positions.deallocate()
        propertySlots.deallocate()
        alternatives.deallocate()
        allowedRanges.deallocate()
        allowedBytes.deallocate()
    }

    /// An object shape's property positions by symbol, read from the screen's table: every key of a document the full
    /// check walks is looked up here, and an array read costs less than hashing.
    struct PositionsBySymbol {
        fileprivate let screen: ShapeScreen
        fileprivate let object: Object

        /// The position of the property a symbol names, or `nil` (a key the shape does not define, or one interned later).
        subscript(symbol: Symbol) -> Int? {
            let number = Int(symbol.rawValue)
            guard number < Int(object.positionsCount) else { return nil }
            let position = screen.positions[Int(object.positionsStart) + number]
            return position >= 0 ? Int(position) : nil
        }
    }

    /// The property positions of `object` by symbol, or `nil` for a shape not flattened here.
    func positions(of object: ObjectShape) -> PositionsBySymbol? {
        guard let slot = roots[ObjectIdentifier(object)] else { return nil }
        return PositionsBySymbol(screen: self, object: objects[Int(slots[Int(slot)].first)])
    }

    /// Whether the mapping or other node `id` of `document` surely has no problem against `object`:
    /// `false` when it has one, or when the screen cannot tell.
    func passes(_ document: Document, _ id: NodeID, _ object: ObjectShape) -> Bool {
        guard document.symbols === table, let slot = roots[ObjectIdentifier(object)] else { return false }
        return passes(document, id, slot: slot)
    }

    private func passes(_ document: Document, _ id: NodeID, slot number: Int32) -> Bool {
        let slot = slots[Int(number)]
        let kind = document.kind(id)
        switch slot.test {
        case .nullable:
            return kind == .null || passes(document, id, slot: slot.first)
        case .list:
            guard kind == .sequence else { return false }
            for index in 0..<document.count(id) where !passes(document, document.element(index, of: id), slot: slot.first) { return false }
            return true
        case .dictionary:
            guard kind == .mapping else { return false }
            for index in 0..<document.count(id) {
                guard document.kind(document.key(index, of: id)) == .string,
                      passes(document, document.value(index, of: id), slot: slot.first) else { return false }
            }
            return true
        case .object:
            guard kind == .mapping else { return false }
            return objectPasses(document, id, objects[Int(slot.first)])
        case .oneOf:
            // As the checker does: the first alternative whose kind suits the node is the one it must pass.
            for index in Int(slot.first)..<Int(slot.first + slot.count) {
                let alternative = alternatives[index]
                if matches(document, id, kind, slots[Int(alternative)]) { return passes(document, id, slot: alternative) }
            }
            return false
        default:
            return matches(document, id, kind, slot)
        }
    }

    private func objectPasses(_ document: Document, _ id: NodeID, _ object: Object) -> Bool {
        var present: UInt64 = 0
        for index in 0..<document.count(id) {
            guard let symbol = document.symbol(document.key(index, of: id)) else { return false }  // unsure: let the checker read it
            guard let position = PositionsBySymbol(screen: self, object: object)[symbol] else {
                if object.isClosed { return false }
                continue
            }
            present |= 1 << UInt64(position)
            guard passes(document, document.value(index, of: id), slot: propertySlots[Int(object.propertySlotsStart) + Int(position)]) else { return false }
        }
        return object.required & ~present == 0
    }

    /// The shallow test of ``ShapeChecker/matches(_:_:_:)``: kind, allowed value or pattern, not children.
    private func matches(_ document: Document, _ id: NodeID, _ kind: NodeKind, _ slot: Slot) -> Bool {
        switch slot.test {
        case .string, .template: return kind == .string
        case .allowedString:
            guard kind == .string else { return false }
            var text = document.string(id)
            return text.withUTF8 { bytes in
                for index in Int(slot.first)..<Int(slot.first + slot.count) where isAllowed(bytes, allowedRanges[index]) { return true }
                return false
            }
        case .pattern: return kind == .string && patterns[Int(slot.first)].matches(document.string(id))
        case .expression: return kind == .string || kind == .bool
        case .boolean: return kind == .bool
        case .integer: return kind == .int
        case .timestamp: return kind == .timestamp
        case .any: return true
        case .nullable: return kind == .null || matches(document, id, kind, slots[Int(slot.first)])
        case .list: return kind == .sequence
        case .dictionary, .object: return kind == .mapping
        case .oneOf:
            for index in Int(slot.first)..<Int(slot.first + slot.count) where matches(document, id, kind, slots[Int(alternatives[index])]) { return true }
            return false
        }
    }

    /// Whether `bytes` are the allowed string at `range` of ``allowedBytes``: lengths first, then byte for byte.
    private func isAllowed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: (start: Int32, end: Int32)) -> Bool {
        let start = Int(range.start)
        guard bytes.count == Int(range.end) - start else { return false }
        for offset in 0..<bytes.count where bytes[offset] != allowedBytes[start + offset] { return false }
        return true
    }

    /// Flattens shapes into the tables, each object shape once.
    private struct Builder {
        let table: SymbolTable
        var slots: [Slot] = []
        var objects: [Object] = []
        var positions: [Int32] = []
        var propertySlots: [Int32] = []
        var alternatives: [Int32] = []
        var allowedRanges: [(start: Int32, end: Int32)] = []
        var allowedBytes: [UInt8] = []
        var patterns: [TextPattern] = []
        var objectSlots: [ObjectIdentifier: Int32] = [:]

        mutating func slot(for shape: Shape) -> Int32 {
            if case .object(let object) = shape, let known = objectSlots[ObjectIdentifier(object)] { return known }
            let number = Int32(slots.count)
            slots.append(Slot(test: .any))
            let slot: Slot
            switch shape {
            case .string(nil): slot = Slot(test: .string)
            case .string(let allowed?):
                let first = Int32(allowedRanges.count)
                for value in allowed {
                    let start = Int32(allowedBytes.count)
                    allowedBytes += value.utf8
                    allowedRanges.append((start, Int32(allowedBytes.count)))
                }
                slot = Slot(test: .allowedString, first: first, count: Int32(allowed.count))
            case .pattern(let pattern):
                patterns.append(pattern)
                slot = Slot(test: .pattern, first: Int32(patterns.count - 1))
            case .expression: slot = Slot(test: .expression)
            case .template: slot = Slot(test: .template)
            case .boolean: slot = Slot(test: .boolean)
            case .integer: slot = Slot(test: .integer)
            case .timestamp: slot = Slot(test: .timestamp)
            case .any: slot = Slot(test: .any)
            case .nullable(let inner): slot = Slot(test: .nullable, first: self.slot(for: inner))
            case .list(let element): slot = Slot(test: .list, first: self.slot(for: element))
            case .dictionary(let value): slot = Slot(test: .dictionary, first: self.slot(for: value))
            case .oneOf(let shapes):
                let inner = shapes.map { self.slot(for: $0) }
                slot = Slot(test: .oneOf, first: Int32(alternatives.count), count: Int32(inner.count))
                alternatives += inner
            case .object(let object):
                objectSlots[ObjectIdentifier(object)] = number  // before the properties: a shape may hold itself
                let objectNumber = Int32(objects.count)
                objects.append(Object(positionsStart: 0, positionsCount: 0, propertySlotsStart: 0, required: 0, isClosed: object.isClosed))
                let byNumber = object.positionsByName.map { (Int(table.intern($0.key).rawValue), Int32($0.value)) }
                var bySymbolNumber = [Int32](repeating: -1, count: (byNumber.map(\.0).max() ?? -1) + 1)
                for (number, position) in byNumber { bySymbolNumber[number] = position }
                let inner = object.properties.map { self.slot(for: $0.shape) }
                var required: UInt64 = 0
                for position in object.requiredPositions { required |= 1 << UInt64(position) }
                objects[Int(objectNumber)] = Object(positionsStart: Int32(positions.count), positionsCount: Int32(bySymbolNumber.count),
                                                    propertySlotsStart: Int32(propertySlots.count), required: required,
                                                    isClosed: object.isClosed)
                positions += bySymbolNumber
                propertySlots += inner
                slot = Slot(test: .object, first: objectNumber)
            }
            slots[Int(number)] = slot
            return number
        }
    }
}

private extension UnsafeMutableBufferPointer {
    /// A new buffer holding a copy of `elements`, with room for one at least (so it always has an address to free).
    static func copying(_ elements: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: Swift.max(1, elements.count))
        _ = buffer.initialize(from: elements)
        return buffer
    }
}
