#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether the string sorts before `other` by UTF-8 bytes (which is code point order), the
    /// order Clearance sorts file names and paths in, the same on every machine and locale.
    @inlinable
    public func precedesByBytes(_ other: String) -> Bool {
        var (a, b) = (self, other)
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                if common > 0, let p = x.baseAddress, let q = y.baseAddress {
                    let order = memcmp(p, q, common)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        }
    }
}
