import ClearanceCore
import ClearanceEngine
import ClearanceExpression
import ClearancePolicy
import ClearanceDocument

/// What each fuzz target does with one input; the fuzz executables and the regression tests call
/// these same functions, so a regression input replays exactly what the fuzzer ran.
public enum FuzzEntry {
    /// The limits of the YAML target: tighter than the standard ones, so each input stays fast.
    public static let yamlLimits = LoaderLimits(maximumFileSize: 1 << 20, maximumDepth: 64, maximumAliasExpansion: 100_000)

    /// Loads `bytes` as an input file, as a CI gate reads what anyone submits: the YAML (each
    /// document also read back as JSON and as an expression value), the document checks, and when
    /// they pass, the shipped policies over the documents. The input is read against the world's
    /// symbols without adding to them, as a server reads a request against a prepared snapshot.
    public static func yaml(_ bytes: [UInt8]) -> FuzzOutcome {
        let documents: [Document]
        let symbols = FuzzWorld.shared.world?.policies.symbols ?? SymbolTable()
        do throws(Diagnostic) {
            documents = try YAMLLoader(limits: yamlLimits, symbols: symbols, keys: .lookUpOnly).load(bytes: bytes, name: "input.yaml", allowEmpty: false)
        } catch {
            return .diagnostic(error.rendered)
        }
        var size = 0
        for document in documents {
            size += document.root.json(marks: true).utf8.count
            size += Value(document: document).description(maxLength: 1 << 20).utf8.count
        }
        return withWorld { world in
            do throws(Diagnostics) {
                let checked = try InputLoader(symbols: symbols, keys: .lookUpOnly).check(documents.map(\.root), policies: world.policies)
                let report = Engine(policies: world.policies, documents: checked, now: world.now).run()
                return .value("\(documents.count) documents, \(size) characters, \(report.findings.count) findings")
            } catch {
                return .diagnostic(error.rendered)
            }
        }
    }

    /// Reads `bytes` as a CSV export and checks what every reader of a table relies on: cells in file order, each at
    /// a place inside the file, an unquoted cell's text exactly the bytes it starts at, the file's start and end each at a line and a column.
    public static func csv(_ bytes: [UInt8]) -> FuzzOutcome {
        let table: CSVTable
        do throws(Diagnostic) {
            table = try CSVReader(maximumFileSize: 1 << 20, maximumCellsPerRecord: 1_000).read(bytes: bytes, name: "export.csv")
        } catch {
            return .diagnostic(error.rendered)
        }
        var previous = -1, cells = 0
        for record in table.records {
            for cell in record {
                precondition(cell.offset > previous && cell.offset <= bytes.count, "cells out of order or outside the file")
                previous = cell.offset
                cells += 1
                if !cell.quoted {
                    precondition(bytes[cell.offset...].starts(with: Array(cell.text.utf8)), "an unquoted cell is not the bytes it starts at")
                }
                let location = table.location(of: cell)
                precondition(location.line >= 1 && location.column >= 1, "a cell without a line and a column")
            }
        }
        for offset in [0, bytes.count] {  // where a reader of the table places a problem with the whole file, or at its end
            let location = table.location(offset: offset)
            precondition(location.line >= 1 && location.column >= 1, "the file's start or end without a line and a column")
        }
        return .value("\(table.records.count) records, \(cells) cells")
    }

    /// Compiles `bytes` as an expression against the policy declarations.
    public static func expressionCompile(_ bytes: [UInt8]) -> FuzzOutcome {
        withWorld { world in
            do throws(ExpressionError) {
                let program = try Program.compile(String(decoding: bytes, as: UTF8.self), declarations: world.declarations)
                return .value(program.resultType.description)
            } catch {
                return .diagnostic(error.rendered)
            }
        }
    }

    /// Compiles `bytes` as an expression and evaluates it over Ana López's document.
    public static func expressionEval(_ bytes: [UInt8]) -> FuzzOutcome {
        withWorld { world in
            let program: Program
            do throws(ExpressionError) {
                program = try Program.compile(String(decoding: bytes, as: UTF8.self), declarations: world.declarations)
            } catch {
                return .diagnostic(error.rendered)
            }
            switch program.evaluate(world.bindings) {
            case .success(let value): return .value(value.description(maxLength: 1 << 20))  // as `clearance eval` prints it, cut sooner
            case .failure(let error): return .diagnostic(error.message)
            }
        }
    }

    /// Loads `bytes` as a policy file and, when it loads, runs it over the fixture team. The policy has
    /// a symbol table of its own (the world's does not grow with inputs), so it reads the team by name.
    public static func policy(_ bytes: [UInt8]) -> FuzzOutcome {
        withWorld { world in
            let policies: PolicySet
            do throws(Diagnostics) {
                policies = try PolicyLoader(limits: yamlLimits, symbols: SymbolTable()).load(bytes: bytes, name: "policy.yaml")
            } catch {
                return .diagnostic(error.rendered)
            }
            let report = Engine(policies: policies, documents: world.documents, now: world.now).run()
            return .value("\(report.findings.count) findings: \(report.findings.map(\.message).joined(separator: "; ").utf8.count) characters of messages")
        }
    }

    /// Runs `body` in the shared world, or tells why there is none.
    static func withWorld(_ body: (FuzzWorld) -> FuzzOutcome) -> FuzzOutcome {
        guard let world = FuzzWorld.shared.world else { return .diagnostic(FuzzWorld.shared.problems?.rendered ?? "no fuzz world") }
        return body(world)
    }
}

/// How one fuzz input ended: a value (loaded, compiled, evaluated) or a diagnostic.
public enum FuzzOutcome: Sendable, Equatable {
    /// The input was accepted; a short summary of what it gave.
    case value(String)
    /// The input was rejected with this message.
    case diagnostic(String)
}
