import Foundation
import Testing
import ClearanceCore
import ClearanceDocument
import ClearancePacks
import ClearancePolicy
import ClearanceTestSupport

/// The packs built into the binary are the files in `Policies/`, byte for byte, and load as they do.
@Suite("Built-in packs")
struct BuiltinPacksTests {
    static let folder = CommandRunner.packageRoot.appendingPathComponent("Policies").path

    @Test func theBuiltInFilesAreThePolicyFolderByteForByte() throws {
        let names = try FileManager.default.subpathsOfDirectory(atPath: Self.folder).filter { $0.hasSuffix(".yaml") }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let packs = names.filter { !$0.hasSuffix(".tests.yaml") }, tests = names.filter { $0.hasSuffix(".tests.yaml") }
        #expect(BuiltinPacks.packs.map(\.name) == packs)
        #expect(BuiltinPacks.testsFiles.map(\.name) == tests)
        for file in BuiltinPacks.packs + BuiltinPacks.testsFiles {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/" + file.name))
            #expect(Array(file.text.utf8) == Array(bytes), "\(file.name)")
        }
    }

    @Test func builtinLoadsThePacksUnderTheirOwnNames() throws {
        let fromFiles = try PolicyLoader(symbols: SymbolTable()).load(paths: [Self.folder])
        let builtIn = try PolicyLoader(symbols: SymbolTable()).load(paths: [BuiltinPacks.all])
        #expect(builtIn.policies.map(\.id) == fromFiles.policies.map(\.id))
        #expect(BuiltinPacks.packs.contains { $0.name == "frameworks/soc2.yaml" }, "the framework tables are built in with the packs")
        #expect(builtIn.rules.map(\.id) == fromFiles.rules.map(\.id))
        #expect(builtIn.policies.allSatisfy { $0.location.file.hasPrefix("builtin:") && !$0.location.file.contains("/") })
        let one = try PolicyLoader(symbols: SymbolTable()).load(paths: ["builtin:vendors.yaml"])
        #expect(Set(one.policies.map(\.location.file)) == ["builtin:vendors.yaml"])
    }

    @Test func anUnknownBuiltInPackIsAnErrorWithADidYouMean() {
        #expect(throws: Diagnostics.self) { try PolicyLoader(symbols: SymbolTable()).load(paths: ["builtin:vendor.yaml"]) }
        do {
            _ = try PolicyLoader(symbols: SymbolTable()).load(paths: ["builtin:vendor.yaml"])
        } catch {
            #expect(error.items.map(\.message).first?.hasPrefix("no built-in file is named 'vendor.yaml' (did you mean 'builtin:vendors.yaml'?)") == true,
                    "\(error.items.map(\.message))")
        }
    }
}
