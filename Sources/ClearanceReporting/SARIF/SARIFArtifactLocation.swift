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
        var output = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = String(byte, radix: 16, uppercase: true)
                output += "%" + (digits.count == 1 ? "0" + digits : digits)
            }
        }
        return output
    }
}
