import ClearanceCore

extension StandardLibrary {
    /// Type conversions: `int`, `uint`, `double`, `string`, `bytes`, `bool`, `timestamp`, `duration`, `dyn`, `type`.
    static let conversions: [FunctionDecl] = [
        FunctionDecl(name: "int", doc: "Converts to int: truncates doubles, parses decimal strings, gives a timestamp's Unix seconds.", overloads: [
            Overload("int64_to_int64", [.int], .int, .unary { v in if case .int = v { v } else { nil } }),
            Overload("uint64_to_int64", [.uint], .int, .unary { v throws(EvaluationError) in
                guard case .uint(let u) = v else { return nil }
                guard u <= UInt64(Int64.max) else { throw EvaluationError(message: RuntimeMessages.conversionRange("int", v)) }
                return .int(Int64(u))
            }),
            Overload("double_to_int64", [.double], .int, .unary { v throws(EvaluationError) in
                guard case .double(let d) = v else { return nil }
                // Exclusive at both ends, as cel-go: -2^63 itself is rejected.
                guard d > -9_223_372_036_854_775_808.0, d < 9_223_372_036_854_775_808.0 else {
                    throw EvaluationError(message: RuntimeMessages.conversionRange("int", v))
                }
                return .int(Int64(d))
            }),
            Overload("string_to_int64", [.string], .int, .unary { v throws(EvaluationError) in
                guard case .string(let s) = v else { return nil }
                guard let i = NumberText.parseInt(s) else { throw EvaluationError(message: RuntimeMessages.cannotConvert(s, to: "int")) }
                return .int(i)
            }),
            Overload("timestamp_to_int64", [.timestamp], .int, .unary { v in
                guard case .timestamp(let t) = v else { return nil }
                return .int(t.seconds)
            }),
        ]),
        FunctionDecl(name: "uint", doc: "Converts to uint: rejects negatives, truncates doubles, parses decimal strings.", overloads: [
            Overload("uint64_to_uint64", [.uint], .uint, .unary { v in if case .uint = v { v } else { nil } }),
            Overload("int64_to_uint64", [.int], .uint, .unary { v throws(EvaluationError) in
                guard case .int(let i) = v else { return nil }
                guard i >= 0 else { throw EvaluationError(message: RuntimeMessages.conversionRange("uint", v)) }
                return .uint(UInt64(i))
            }),
            Overload("double_to_uint64", [.double], .uint, .unary { v throws(EvaluationError) in
                guard case .double(let d) = v else { return nil }
                guard d > -1, d < 18_446_744_073_709_551_616.0 else {
                    throw EvaluationError(message: RuntimeMessages.conversionRange("uint", v))
                }
                return .uint(UInt64(d))
            }),
            Overload("string_to_uint64", [.string], .uint, .unary { v throws(EvaluationError) in
                guard case .string(let s) = v else { return nil }
                guard let u = NumberText.parseUInt(s) else { throw EvaluationError(message: RuntimeMessages.cannotConvert(s, to: "uint")) }
                return .uint(u)
            }),
        ]),
        FunctionDecl(name: "double", doc: "Converts to double: from ints and uints (rounding to nearest), or parses a string.", overloads: [
            Overload("double_to_double", [.double], .double, .unary { v in if case .double = v { v } else { nil } }),
            Overload("int64_to_double", [.int], .double, .unary { v in if case .int(let i) = v { .double(Double(i)) } else { nil } }),
            Overload("uint64_to_double", [.uint], .double, .unary { v in if case .uint(let u) = v { .double(Double(u)) } else { nil } }),
            Overload("string_to_double", [.string], .double, .unary { v throws(EvaluationError) in
                guard case .string(let s) = v else { return nil }
                guard let d = NumberText.parseDouble(s) else { throw EvaluationError(message: RuntimeMessages.cannotConvert(s, to: "double")) }
                return .double(d)
            }),
        ]),
        FunctionDecl(name: "string", doc: "Converts to string: numbers, bools, UTF-8 bytes, timestamps (RFC 3339) and durations (`90s`).", costsBySize: true, overloads: [
            Overload("string_to_string", [.string], .string, .unary { v in if case .string = v { v } else { nil } }),
            Overload("int64_to_string", [.int], .string, .unary { v in if case .int(let i) = v { .string(String(i)) } else { nil } }),
            Overload("uint64_to_string", [.uint], .string, .unary { v in if case .uint(let u) = v { .string(String(u)) } else { nil } }),
            Overload("double_to_string", [.double], .string, .unary { v in
                if case .double(let d) = v { .string(NumberText.format(d)) } else { nil }
            }),
            Overload("bool_to_string", [.bool], .string, .unary { v in if case .bool(let b) = v { .string(b ? "true" : "false") } else { nil } }),
            Overload("bytes_to_string", [.bytes], .string, .unary { v throws(EvaluationError) in
                guard case .bytes(let data) = v else { return nil }
                guard let text = String(validating: data, as: UTF8.self) else { throw EvaluationError(message: RuntimeMessages.invalidUTF8) }
                return .string(text)
            }),
            Overload("timestamp_to_string", [.timestamp], .string, .unary { v in
                if case .timestamp(let t) = v { .string(t.rfc3339) } else { nil }
            }),
            Overload("duration_to_string", [.duration], .string, .unary { v in
                if case .duration(let d) = v { .string(d.description) } else { nil }
            }),
        ]),
        FunctionDecl(name: "bytes", doc: "Converts a string to its UTF-8 bytes.", costsBySize: true, overloads: [
            Overload("bytes_to_bytes", [.bytes], .bytes, .unary { v in if case .bytes = v { v } else { nil } }),
            Overload("string_to_bytes", [.string], .bytes, .unary { v in if case .string(let s) = v { .bytes(Array(s.utf8)) } else { nil } }),
        ]),
        FunctionDecl(name: "bool", doc: "Converts a string (`true`, `false`, `t`, `f`, `1`, `0`, ...) to bool.", overloads: [
            Overload("bool_to_bool", [.bool], .bool, .unary { v in if case .bool = v { v } else { nil } }),
            Overload("string_to_bool", [.string], .bool, .unary { v throws(EvaluationError) in
                guard case .string(let s) = v else { return nil }
                guard let b = NumberText.parseBool(s) else { throw EvaluationError(message: RuntimeMessages.cannotConvert(s, to: "bool")) }
                return .bool(b)
            }),
        ]),
        FunctionDecl(name: "timestamp", doc: "Makes a timestamp from an RFC 3339 string or from Unix seconds; outside 0001-9999 is an error.", overloads: [
            Overload("timestamp_to_timestamp", [.timestamp], .timestamp, .unary { v in if case .timestamp = v { v } else { nil } }),
            Overload("string_to_timestamp", [.string], .timestamp, .unary { v throws(EvaluationError) in
                guard case .string(let s) = v else { return nil }
                switch TimestampSyntax.parse(s, allowDate: false) {
                case .timestamp(let t): return .timestamp(t)
                case .notATimestamp: throw EvaluationError(message: RuntimeMessages.invalidTimestamp(s, "expected RFC 3339, as in 2026-01-31T09:00:00Z"))
                case .invalid(let reason): throw EvaluationError(message: RuntimeMessages.invalidTimestamp(s, reason))
                }
            }),
            Overload("int64_to_timestamp", [.int], .timestamp, .unary { v throws(EvaluationError) in
                guard case .int(let seconds) = v else { return nil }
                guard let t = Timestamp(seconds: seconds) else { throw EvaluationError(message: RuntimeMessages.timestampRange) }
                return .timestamp(t)
            }),
        ]),
        FunctionDecl(name: "duration", doc: "Parses a duration such as `1h30m`, `90s`, `1.5s`, `-2m` or (an extension) `30d`.", overloads: [
            Overload("duration_to_duration", [.duration], .duration, .unary { v in if case .duration = v { v } else { nil } }),
            Overload("string_to_duration", [.string], .duration, .unary { v throws(EvaluationError) in
                guard case .string(let s) = v else { return nil }
                guard let d = DurationValue.parse(s) else { throw EvaluationError(message: RuntimeMessages.invalidDuration(s)) }
                return .duration(d)
            }),
        ]),
        FunctionDecl(name: "dyn", doc: "Marks a value as dynamically typed for the checker; returns it unchanged.", overloads: [
            Overload("to_dyn", [.a], .dyn, .unary { v in v }),
        ]),
        FunctionDecl(name: "type", doc: "The runtime type of a value, such as `int`, `list` or `google.protobuf.Timestamp`.", overloads: [
            Overload("type", [.a], .typeType, .unary { v in .type(v.runtimeType) }),
        ]),
    ]
}
