import ClearanceCore

extension StandardLibrary {
    /// The operators: logic, arithmetic, comparison, equality, indexing and membership.
    static let operators: [FunctionDecl] = [
        FunctionDecl(name: Operator.logicalNot, doc: "Logical negation of a bool.", overloads: [
            Overload("logical_not", [.bool], .bool, .unary { v in
                guard case .bool(let b) = v else { return nil }
                return .bool(!b)
            }),
        ]),
        FunctionDecl(name: Operator.negate, doc: "Arithmetic negation of an int or a double; int overflow is an error.", overloads: [
            Overload("negate_int64", [.int], .int, .unary { v throws(EvaluationError) in
                guard case .int(let i) = v else { return nil }
                return .int(try Arithmetic.negate(i))
            }),
            Overload("negate_double", [.double], .double, .unary { v in
                guard case .double(let d) = v else { return nil }
                return .double(-d)
            }),
        ]),
        FunctionDecl(name: Operator.add, doc: "Addition of numbers, concatenation of strings, bytes and lists, and time arithmetic.", costsBySize: true, overloads: [
            Overload("add_int64", [.int, .int], .int, .binary { a, b throws(EvaluationError) in
                guard case .int(let x) = a, case .int(let y) = b else { return nil }
                return .int(try Arithmetic.add(x, y))
            }),
            Overload("add_uint64", [.uint, .uint], .uint, .binary { a, b throws(EvaluationError) in
                guard case .uint(let x) = a, case .uint(let y) = b else { return nil }
                return .uint(try Arithmetic.add(x, y))
            }),
            Overload("add_double", [.double, .double], .double, .binary { a, b in
                guard case .double(let x) = a, case .double(let y) = b else { return nil }
                return .double(x + y)
            }),
            Overload("add_string", [.string, .string], .string, .binary { a, b in
                guard case .string(let x) = a, case .string(let y) = b else { return nil }
                return .string(x + y)
            }),
            Overload("add_bytes", [.bytes, .bytes], .bytes, .binary { a, b in
                guard case .bytes(let x) = a, case .bytes(let y) = b else { return nil }
                return .bytes(x + y)
            }),
            Overload("add_list", [.list(.a), .list(.a)], .list(.a), .binary { a, b in
                guard let left = a.listElements, let right = b.listElements else { return nil }
                return .list(left + right)
            }),
            Overload("add_timestamp_duration", [.timestamp, .duration], .timestamp, .binary { a, b throws(EvaluationError) in
                guard case .timestamp(let t) = a, case .duration(let d) = b else { return nil }
                return .timestamp(try Arithmetic.add(t, d))
            }),
            Overload("add_duration_timestamp", [.duration, .timestamp], .timestamp, .binary { a, b throws(EvaluationError) in
                guard case .duration(let d) = a, case .timestamp(let t) = b else { return nil }
                return .timestamp(try Arithmetic.add(t, d))
            }),
            Overload("add_duration_duration", [.duration, .duration], .duration, .binary { a, b throws(EvaluationError) in
                guard case .duration(let x) = a, case .duration(let y) = b else { return nil }
                return .duration(try Arithmetic.add(x, y))
            }),
        ]),
        FunctionDecl(name: Operator.subtract, doc: "Subtraction of numbers, and time arithmetic.", overloads: [
            Overload("subtract_int64", [.int, .int], .int, .binary { a, b throws(EvaluationError) in
                guard case .int(let x) = a, case .int(let y) = b else { return nil }
                return .int(try Arithmetic.subtract(x, y))
            }),
            Overload("subtract_uint64", [.uint, .uint], .uint, .binary { a, b throws(EvaluationError) in
                guard case .uint(let x) = a, case .uint(let y) = b else { return nil }
                return .uint(try Arithmetic.subtract(x, y))
            }),
            Overload("subtract_double", [.double, .double], .double, .binary { a, b in
                guard case .double(let x) = a, case .double(let y) = b else { return nil }
                return .double(x - y)
            }),
            Overload("subtract_timestamp_timestamp", [.timestamp, .timestamp], .duration, .binary { a, b throws(EvaluationError) in
                guard case .timestamp(let x) = a, case .timestamp(let y) = b else { return nil }
                return .duration(try Arithmetic.subtract(x, y))
            }),
            Overload("subtract_timestamp_duration", [.timestamp, .duration], .timestamp, .binary { a, b throws(EvaluationError) in
                guard case .timestamp(let t) = a, case .duration(let d) = b else { return nil }
                return .timestamp(try Arithmetic.subtract(t, d))
            }),
            Overload("subtract_duration_duration", [.duration, .duration], .duration, .binary { a, b throws(EvaluationError) in
                guard case .duration(let x) = a, case .duration(let y) = b else { return nil }
                return .duration(try Arithmetic.subtract(x, y))
            }),
        ]),
        FunctionDecl(name: Operator.multiply, doc: "Multiplication; int and uint overflow is an error.", overloads: [
            Overload("multiply_int64", [.int, .int], .int, .binary { a, b throws(EvaluationError) in
                guard case .int(let x) = a, case .int(let y) = b else { return nil }
                return .int(try Arithmetic.multiply(x, y))
            }),
            Overload("multiply_uint64", [.uint, .uint], .uint, .binary { a, b throws(EvaluationError) in
                guard case .uint(let x) = a, case .uint(let y) = b else { return nil }
                return .uint(try Arithmetic.multiply(x, y))
            }),
            Overload("multiply_double", [.double, .double], .double, .binary { a, b in
                guard case .double(let x) = a, case .double(let y) = b else { return nil }
                return .double(x * y)
            }),
        ]),
        FunctionDecl(name: Operator.divide, doc: "Division; integer division truncates and dividing an integer by zero is an error.", overloads: [
            Overload("divide_int64", [.int, .int], .int, .binary { a, b throws(EvaluationError) in
                guard case .int(let x) = a, case .int(let y) = b else { return nil }
                return .int(try Arithmetic.divide(x, y))
            }),
            Overload("divide_uint64", [.uint, .uint], .uint, .binary { a, b throws(EvaluationError) in
                guard case .uint(let x) = a, case .uint(let y) = b else { return nil }
                return .uint(try Arithmetic.divide(x, y))
            }),
            Overload("divide_double", [.double, .double], .double, .binary { a, b in
                guard case .double(let x) = a, case .double(let y) = b else { return nil }
                return .double(x / y)
            }),
        ]),
        FunctionDecl(name: Operator.modulo, doc: "Remainder of integer division; modulus by zero is an error.", overloads: [
            Overload("modulo_int64", [.int, .int], .int, .binary { a, b throws(EvaluationError) in
                guard case .int(let x) = a, case .int(let y) = b else { return nil }
                return .int(try Arithmetic.remainder(x, y))
            }),
            Overload("modulo_uint64", [.uint, .uint], .uint, .binary { a, b throws(EvaluationError) in
                guard case .uint(let x) = a, case .uint(let y) = b else { return nil }
                return .uint(try Arithmetic.remainder(x, y))
            }),
        ]),
        FunctionDecl(name: Operator.equals, doc: "Equality; numbers compare by value across int, uint and double, other kinds never equal each other.", overloads: [
            Overload("equals", [.a, .a], .bool, .binary { a, b in .bool(celEquals(a, b)) }),
        ]),
        FunctionDecl(name: Operator.notEquals, doc: "Inequality, the negation of equality.", overloads: [
            Overload("not_equals", [.a, .a], .bool, .binary { a, b in .bool(!celEquals(a, b)) }),
        ]),
        // Each comparison is a closure of its own that captures nothing: a captured test would be counted on every call.
        ordering(Operator.less, "less", "Less than.", .binary { a, b throws(EvaluationError) in try celCompare(a, b).map { .bool($0 < 0) } }),
        ordering(Operator.lessEquals, "less_equals", "Less than or equal.", .binary { a, b throws(EvaluationError) in
            try celCompare(a, b).map { .bool($0 <= 0) }
        }),
        ordering(Operator.greater, "greater", "Greater than.", .binary { a, b throws(EvaluationError) in try celCompare(a, b).map { .bool($0 > 0) } }),
        ordering(Operator.greaterEquals, "greater_equals", "Greater than or equal.", .binary { a, b throws(EvaluationError) in
            try celCompare(a, b).map { .bool($0 >= 0) }
        }),
        FunctionDecl(name: Operator.index, doc: "A list's element by position (0-based) or a map's value by key; a missing key or position is an error.", overloads: [
            Overload("index_list", [.list(.a), .int], .a, .binary(indexList)),
            Overload("index_list_uint", [.list(.a), .uint], .a, .binary(indexList)),
            Overload("index_list_double", [.list(.a), .double], .a, .binary(indexList)),
            Overload("index_map", [.map(.a, .b), .a], .b, .binary(indexMap)),
        ]),
        FunctionDecl(name: Operator.in, doc: "Whether a value is an element of a list or a key of a map.", overloads: [
            Overload("in_list", [.a, .list(.a)], .bool, .binary { element, list in
                guard let count = list.containerCount, list.kind == .list else { return nil }
                for position in 0..<count where celEquals(list.element(at: position), element) { return .bool(true) }
                return .bool(false)
            }),
            Overload("in_map", [.a, .map(.a, .b)], .bool, .binary { key, map in
                guard map.kind == .map else { return nil }
                return .bool(map.hasKey(key))
            }),
        ]),
    ]

    /// An ordering operator over every pair of kinds CEL orders (numbers across kinds included).
    private static func ordering(_ name: String, _ id: String, _ doc: String, _ implementation: Implementation) -> FunctionDecl {
        let pairs: [(TypeSpec, TypeSpec, String)] = [
            (.bool, .bool, "bool"), (.int, .int, "int64"), (.uint, .uint, "uint64"), (.double, .double, "double"),
            (.string, .string, "string"), (.bytes, .bytes, "bytes"), (.timestamp, .timestamp, "timestamp"),
            (.duration, .duration, "duration"), (.int, .uint, "int64_uint64"), (.int, .double, "int64_double"),
            (.uint, .int, "uint64_int64"), (.uint, .double, "uint64_double"), (.double, .int, "double_int64"),
            (.double, .uint, "double_uint64"),
        ]
        return FunctionDecl(name: name, doc: doc, overloads: pairs.map { Overload("\(id)_\($0.2)", [$0.0, $0.1], .bool, implementation) })
    }

    private static let indexList: @Sendable (Value, Value) throws(EvaluationError) -> Value? = { list, index throws(EvaluationError) in
        guard list.kind == .list, let count = list.containerCount else { return nil }
        let position: Int64
        switch index {
        case .int(let i): position = i
        case .uint(let u): position = u > UInt64(Int64.max) ? Int64.max : Int64(u)
        case .double(let d):
            guard d == d.rounded(.towardZero), d > -9.2e18, d < 9.2e18 else {
                throw EvaluationError(message: RuntimeMessages.invalidIndex(index))
            }
            position = Int64(d)
        default: return nil
        }
        guard position >= 0, position < count else {
            throw EvaluationError(message: RuntimeMessages.indexOutOfRange(position, count: count))
        }
        return list.element(at: Int(position))
    }

    private static let indexMap: @Sendable (Value, Value) throws(EvaluationError) -> Value? = { map, key throws(EvaluationError) in
        guard map.kind == .map else { return nil }
        if let value = map.lookup(key) { return value }
        guard MapKey(lookingUp: key) != nil || key.kind == .double else {
            throw EvaluationError(message: RuntimeMessages.unsupportedKey(key))
        }
        throw EvaluationError(message: RuntimeMessages.noSuchKey(key))
    }
}
