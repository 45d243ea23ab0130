import ClearanceCore
import ClearanceDocument

/// One record of a vendor's export as a format reads it: its native id, where it is in the file, and its
/// fields with the byte offset each was read at, before the common fields (`kind`, `id`, `system`, the link,
/// `source`) are added by ``ObservedDocumentWriter``.
public struct ObservedRecord: Sendable {
    /// The system's own id of the record (an IAM user name, an Okta user id, an employee number).
    public var nativeID: String
    /// The scope the file itself names for the record (the AWS account in an ARN), when it names one.
    public var scope: String?
    /// The record's place: its line in a CSV file, its position (from 1) in a JSON list.
    public var position: Int
    /// The byte offset the record starts at in the source's main file (in `file`, when the record names one).
    public var offset: Int
    /// The fields, in the order the kind's shape documents them; absent optional fields may be left out.
    public var fields: [ObservedField]
    /// The further file the record was read from (a GitHub outside collaborator), when not the main file: its offsets are in it.
    public var file: SourceFile?

    /// Creates a record.
    public init(nativeID: String, scope: String? = nil, position: Int, offset: Int, fields: [ObservedField], file: SourceFile? = nil) {
        self.nativeID = nativeID
        self.scope = scope
        self.position = position
        self.offset = offset
        self.fields = fields
        self.file = file
    }

    /// The value of the field `name`, if the record has it.
    public subscript(_ name: String) -> ObservedValue? { fields.first { $0.name == name }?.value }

    /// The string in the field `name`, if it holds one.
    public func string(_ name: String) -> String? {
        if case .scalar(.string(let text), _, _)? = self[name] { return text }
        return nil
    }

    /// The offset of the field `name`, or the record's when it is absent.
    public func offset(of name: String) -> Int { self[name]?.offset ?? offset }
}

/// One named field of an ``ObservedRecord``.
public struct ObservedField: Sendable {
    /// The key, as the kind's shape names it.
    public var name: String
    /// The value.
    public var value: ObservedValue

    /// A field.
    public init(_ name: String, _ value: ObservedValue) {
        self.name = name
        self.value = value
    }
}

/// A value read from an export, at the byte offset (in the source's main file) that decided it.
public enum ObservedValue: Sendable {
    /// A scalar; a timestamp `asDate` prints as a date alone.
    case scalar(Scalar, at: Int, asDate: Bool = false)
    /// A list.
    case list([ObservedValue], at: Int)
    /// A mapping.
    case mapping([ObservedField], at: Int)

    /// A string.
    public static func string(_ text: String, at offset: Int) -> ObservedValue { .scalar(.string(text), at: offset) }
    /// A string, or null when there is none.
    public static func string(_ text: String?, at offset: Int) -> ObservedValue { .scalar(text.map(Scalar.string) ?? .null, at: offset) }
    /// A boolean, or null when unknown.
    public static func bool(_ flag: Bool?, at offset: Int) -> ObservedValue { .scalar(flag.map(Scalar.bool) ?? .null, at: offset) }
    /// An integer.
    public static func int(_ number: Int, at offset: Int) -> ObservedValue { .scalar(.int(Int64(number)), at: offset) }
    /// A timestamp (a date alone when `asDate`), or null when there is none.
    public static func time(_ time: Timestamp?, at offset: Int, asDate: Bool = false) -> ObservedValue {
        .scalar(time.map(Scalar.timestamp) ?? .null, at: offset, asDate: asDate)
    }
    /// Null.
    public static func null(at offset: Int) -> ObservedValue { .scalar(.null, at: offset) }

    /// Where the value was read.
    public var offset: Int {
        switch self {
        case .scalar(_, let offset, _), .list(_, let offset), .mapping(_, let offset): offset
        }
    }
}
