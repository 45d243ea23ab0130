/// A map built by an expression or by the caller: entries in insertion order and a hash index on keys.
///
/// Keys are ints, uints, bools or strings, compared as CEL compares them (`1`, `1u` and `1.0`
/// find the same entry). Lookups hash; they never scan.
public final class ValueMap: Sendable {
    /// The keys in insertion order.
    public let keys: [Value]
    /// The values, parallel to ``keys``.
    public let values: [Value]
    private let index: [MapKey: Int]
    /// A faster index when every key is a string.
    private let stringIndex: StringKeyIndex?

    /// Creates a map from entries; a key of another type or a repeated key is an error.
    public init(entries: some Sequence<(key: Value, value: Value)>) throws(EvaluationError) {
        var keys: [Value] = [], values: [Value] = [], index: [MapKey: Int] = [:]
        for (key, value) in entries {
            guard let mapKey = MapKey(storing: key) else { throw EvaluationError(message: RuntimeMessages.unsupportedKey(key)) }
            guard index.updateValue(keys.count, forKey: mapKey) == nil else {
                throw EvaluationError(message: RuntimeMessages.repeatedKey(key))
            }
            keys.append(key)
            values.append(value)
        }
        self.keys = keys
        self.values = values
        self.stringIndex = Self.stringIndex(keys)
        self.index = stringIndex == nil ? index : [:]  // every key is a string: the string index finds them all
    }

    /// Creates a map with string keys, such as a lookup table of documents by id.
    ///
    /// Entries are kept in code point order of their keys, so the map prints the same every run.
    public init(_ dictionary: [String: Value]) {
        let sorted = dictionary.sorted { compareStrings($0.key, $1.key) < 0 }
        self.keys = sorted.map { .string($0.key) }
        self.values = sorted.map(\.value)
        self.index = [:]
        self.stringIndex = StringKeyIndex(sorted.map(\.key))
    }

    /// Creates a map from string keys known to be unique (ids checked on load), kept in the order given.
    public init(uniqueStringKeys keys: [String], values: [Value]) {
        self.keys = keys.map { .string($0) }
        self.values = values
        self.index = [:]
        self.stringIndex = StringKeyIndex(keys)
    }

    /// An empty map.
    public static let empty = ValueMap([:])

    /// The number of entries.
    public var count: Int { keys.count }

    /// The value stored under a key, found as CEL finds keys; `nil` when absent.
    public func value(for key: Value) -> Value? {
        position(of: key).map { values[$0] }
    }

    /// The value stored under a string key; `nil` when absent.
    public func value(forString key: String) -> Value? {
        if let stringIndex { return stringIndex.position(of: key).map { values[$0] } }
        guard let position = index[MapKey(string: key)] else { return nil }
        return values[position]
    }

    /// Whether the map has an entry under a key.
    public func contains(_ key: Value) -> Bool { position(of: key) != nil }

    private func position(of key: Value) -> Int? {
        if case .string(let text) = key, let stringIndex { return stringIndex.position(of: text) }
        guard let mapKey = MapKey(lookingUp: key) else { return nil }
        return index[mapKey]
    }

    /// The string index of keys that are all strings.
    private static func stringIndex(_ keys: [Value]) -> StringKeyIndex? {
        var strings: [String] = []
        strings.reserveCapacity(keys.count)
        for key in keys {
            guard case .string(let text) = key else { return nil }
            strings.append(text)
        }
        return StringKeyIndex(strings)
    }
}

extension MapKey {
    init(string: String) { self.init(storage: .string(string)) }
}
