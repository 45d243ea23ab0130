#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A map key as CEL compares keys: numbers by value across int, uint and double; strings by code points.
struct MapKey: Hashable, Sendable {
    enum Storage: Sendable {
        case bool(Bool)
        /// Every int key, and every uint key up to `Int64.max`.
        case int(Int64)
        /// A uint key above `Int64.max`.
        case uint(UInt64)
        case string(String)
    }

    let storage: Storage

    init(storage: Storage) { self.storage = storage }

    /// The key a value is stored under in a map literal; `nil` when the type cannot be a key.
    init?(storing value: Value) {
        switch value {
        case .bool(let b): storage = .bool(b)
        case .int(let i): storage = .int(i)
        case .uint(let u): storage = u <= UInt64(Int64.max) ? .int(Int64(u)) : .uint(u)
        case .string(let s): storage = .string(s)
        default: return nil
        }
    }

    /// The key a lookup with `value` finds; doubles find integral numeric keys. `nil` finds nothing.
    init?(lookingUp value: Value) {
        if case .double(let d) = value {
            guard d == d.rounded(.towardZero) else { return nil }
            if d >= -9_223_372_036_854_775_808.0, d < 9_223_372_036_854_775_808.0 {
                self.init(storage: .int(Int64(d)))
            } else if d >= 0, d < 18_446_744_073_709_551_616.0 {
                self.init(storage: .uint(UInt64(d)))
            } else {
                return nil
            }
            return
        }
        self.init(storing: value)
    }

    /// The key as a value (uint keys up to `Int64.max` come back as written only through the map's own key list).
    static func == (lhs: MapKey, rhs: MapKey) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.uint(let a), .uint(let b)): a == b
        case (.string(let a), .string(let b)): stringsEqual(a, b)
        default: false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch storage {
        case .bool(let b): hasher.combine(0 as UInt8); hasher.combine(b)
        case .int(let i): hasher.combine(1 as UInt8); hasher.combine(i)
        case .uint(let u): hasher.combine(2 as UInt8); hasher.combine(u)
        case .string(let s):
            hasher.combine(3 as UInt8)
            var copy = s
            copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}

/// Whether two strings hold the same code points (Swift's `==` would also equate canonically equivalent forms).
@inline(__always)
func stringsEqual(_ a: String, _ b: String) -> Bool {
    let (x, y) = (a.utf8, b.utf8)
    guard x.count == y.count else { return false }
    let fast = x.withContiguousStorageIfAvailable { p in
        y.withContiguousStorageIfAvailable { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 }  // safe: non-empty buffers have a base
    }
    if let fast, let equal = fast { return equal }
    return x.elementsEqual(y)
}

/// Orders strings by code point, as CEL does (UTF-8 byte order is code point order).
func compareStrings(_ a: String, _ b: String) -> Int {
    var a = a, b = b
    return a.withUTF8 { x in
        b.withUTF8 { y in
            let common = min(x.count, y.count)
            if common > 0 {
                let result = memcmp(x.baseAddress!, y.baseAddress!, common)  // safe: non-empty buffers have a base
                if result != 0 { return result < 0 ? -1 : 1 }
            }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        }
    }
}
