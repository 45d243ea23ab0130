/// A function of the standard library: its name, what it does, and its overloads.
///
/// The checker types calls from the overloads' signatures; the planner binds each call to the
/// overloads' implementations. One declaration serves both.
struct FunctionDecl: Sendable {
    /// The name as called (`size`, `startsWith`) or the operator's function name (`_+_`).
    let name: String
    /// One line saying what the function does.
    let doc: String
    /// The signatures and their implementations.
    let overloads: [Overload]
    /// Whether a call costs steps in proportion to the size of its strings, bytes or lists
    /// (concatenation, searching), on top of the one step every call costs.
    let costsBySize: Bool

    /// Creates a declaration.
    init(name: String, doc: String, costsBySize: Bool = false, overloads: [Overload]) {
        self.name = name
        self.doc = doc
        self.costsBySize = costsBySize
        self.overloads = overloads
    }
}

/// Steps charged per unit of data size (byte of a string or bytes, element of a list) for
/// functions that cost by size: one step per ten units, as cel-go's cost model does.
let sizeUnitsPerStep = 10

extension Value {
    /// The size that size-costing functions are charged for: bytes of a string or bytes, elements of a list.
    var sizeForCost: Int {
        switch self {
        case .string(let s): s.utf8.count
        case .bytes(let b): b.count
        case .list(let l): l.count
        default: 0
        }
    }

    /// The size every function is charged for: bytes of a string or bytes, which any function
    /// (a conversion parsing it, a map hashing it, an ordering comparing it) may read in full.
    var textSizeForCost: Int {
        switch self {
        case .string(let s): s.utf8.count
        case .bytes(let b): b.count
        default: 0
        }
    }
}

/// One signature of a function, with the code that runs it.
struct Overload: Sendable {
    /// A stable identifier such as `add_int64`.
    let id: String
    /// Whether it is called as a method, `target.name(args)`; the target is the first parameter.
    let isReceiver: Bool
    /// The parameter types, the receiver first for methods.
    let params: [TypeSpec]
    /// The result type.
    let result: TypeSpec
    /// The code; it returns `nil` when the arguments' runtime kinds do not fit this overload.
    let implementation: Implementation

    /// Creates an overload.
    init(_ id: String, receiver: Bool = false, _ params: [TypeSpec], _ result: TypeSpec, _ implementation: Implementation) {
        self.id = id
        self.isReceiver = receiver
        self.params = params
        self.result = result
        self.implementation = implementation
    }
}

/// The code of an overload, by arity.
enum Implementation: Sendable {
    case unary(@Sendable (Value) throws(EvaluationError) -> Value?)
    case binary(@Sendable (Value, Value) throws(EvaluationError) -> Value?)
    case ternary(@Sendable (Value, Value, Value) throws(EvaluationError) -> Value?)
    case quaternary(@Sendable (Value, Value, Value, Value) throws(EvaluationError) -> Value?)
}

/// A parameter or result type in a signature: a type, a type parameter, or a list or map of them.
indirect enum TypeSpec: Sendable, Equatable {
    case type(ExpressionType)
    case param(String)
    case list(TypeSpec)
    case map(TypeSpec, TypeSpec)

    static let dyn = TypeSpec.type(.dyn)
    static let null = TypeSpec.type(.null)
    static let bool = TypeSpec.type(.bool)
    static let int = TypeSpec.type(.int)
    static let uint = TypeSpec.type(.uint)
    static let double = TypeSpec.type(.double)
    static let string = TypeSpec.type(.string)
    static let bytes = TypeSpec.type(.bytes)
    static let timestamp = TypeSpec.type(.timestamp)
    static let duration = TypeSpec.type(.duration)
    static let typeType = TypeSpec.type(.type)
    static let a = TypeSpec.param("A")
    static let b = TypeSpec.param("B")
    static let c = TypeSpec.param("C")
}
