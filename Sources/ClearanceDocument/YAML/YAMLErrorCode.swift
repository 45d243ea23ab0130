/// The stable codes of the loader's diagnostics.
public enum YAMLErrorCode {
    /// libyaml rejected the text (its problem and context are in the message).
    public static let syntax = "yaml.syntax"
    /// The bytes are not valid UTF-8, or hold characters YAML forbids.
    public static let encoding = "yaml.encoding"
    /// A mapping has the same key twice.
    public static let duplicateKey = "yaml.duplicate-key"
    /// An alias names no anchor defined before it.
    public static let undefinedAlias = "yaml.undefined-alias"
    /// A mapping key is a sequence or a mapping.
    public static let nonScalarKey = "yaml.non-scalar-key"
    /// A tag other than the core ones, or a value its tag cannot hold.
    public static let tag = "yaml.tag"
    /// A YAML 1.1 merge key (`<<: *base`), which Clearance does not expand.
    public static let mergeKey = "yaml.merge-key"
    /// An integer that does not fit in 64 bits.
    public static let integerRange = "yaml.integer-range"
    /// Something shaped like a date that is not a valid date.
    public static let invalidTimestamp = "yaml.invalid-timestamp"
    /// Nesting deeper than the depth limit.
    public static let depthLimit = "yaml.depth-limit"
    /// Alias expansion past its limit (a "billion laughs" file).
    public static let aliasLimit = "yaml.alias-limit"
    /// A file over the size limit.
    public static let sizeLimit = "file.size-limit"
    /// Not enough memory to read a file.
    public static let outOfMemory = "file.out-of-memory"
    /// A file or a stream with no document in it.
    public static let empty = "file.empty"
    /// A path that could not be opened or read.
    public static let unreadable = "file.unreadable"
    /// A path that is not a regular file (a directory, a FIFO, a device).
    public static let notRegularFile = "file.not-regular"
    /// A file that changed while it was read.
    public static let changed = "file.changed"
}
