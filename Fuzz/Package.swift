// swift-tools-version: 5.4
// libFuzzer targets for Clearance: built and run by run.sh (see README.md), never by the main package.
//
// Tools version 5.4 on purpose: from 5.5 on, SwiftPM renames an executable's `main` (so tests can
// link it) and points `main` at `<module>_main`, which a libFuzzer target does not have: libFuzzer
// brings its own `main`.
import PackageDescription

/// One libFuzzer executable: no `main` of its own, so parsed as a library.
func fuzzTarget(_ name: String) -> Target {
    .target(
        name: name,
        dependencies: ["FuzzSupport", .product(name: "ClearanceFuzzTargets", package: "Clearance")],
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
}

let targets = ["fuzz-yaml", "fuzz-expression-compile", "fuzz-expression-eval", "fuzz-policy", "fuzz-csv", "fuzz-sources"]

let package = Package(
    name: "ClearanceFuzz",
    products: targets.map { .executable(name: $0, targets: [$0]) },
    dependencies: [.package(name: "Clearance", path: "..")],
    targets: targets.map(fuzzTarget) + [
        // `LLVMFuzzerInitialize`, linked into every target.
        .target(name: "FuzzSupport", dependencies: [.product(name: "ClearanceFuzzTargets", package: "Clearance")]),
    ]
)
