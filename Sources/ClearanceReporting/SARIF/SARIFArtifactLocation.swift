/// Where an artifact is: a URI reference relative to `%SRCROOT%` for a relative path, a `file://` URI for an absolute one.
struct SARIFArtifactLocation: Encodable {
    var uri: String?
    var uriBaseId: String?
    var description: SARIFMessage?

    /// The base the relative paths of a run start from: the folder Clearance ran in.
    static let sourceRoot = "%SRCROOT%"

    /// The location of a path as given on the command line.
    init(path: String) {
        if path.hasPrefix("/") {
            uri = "file://" + Self.percentEncoded(path)
        } else {
            uri = Self.percentEncoded(path)
            uriBaseId = Self.sourceRoot
        }
    }

    /// A location known only by its description (a base whose absolute URI is not recorded, for determinism).
    init(description: String) {
        self.description = SARIFMessage(text: description)
    }

    /// A path as a URI path: unreserved characters and `/` as they are, every other byte as `%XX`.
    static func percentEncoded(_ path: String) -> String {
        // Most paths need no escape: they are their own URI path.
        guard !path.utf8.allSatisfy(isUnreserved) else { return path }
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(path.utf8.count * 3)
        for byte in path.utf8 {
            if isUnreserved(byte) {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether a byte of a path stands as it is in a URI path: an unreserved character or `/`.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }
}
