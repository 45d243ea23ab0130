// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Clearance",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "clearance", targets: ["clearance"]),
        // The fuzz targets' entry points with the libraries they reach, for the fuzzing package in Fuzz/.
        .library(name: "ClearanceFuzzTargets", targets: ["ClearanceFuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // The system libyaml (pkg-config yaml-0.1; Debian libyaml-dev).
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // The C library's allocator settings (glibc's mallopt), part of the C library: nothing to install.
        .systemLibrary(name: "CMalloc"),
        // Source locations, diagnostics and timestamps shared by every layer.
        .target(name: "ClearanceCore"),
        // The document model (a tree with a source location on every node) and its first reader, a strict YAML loader.
        .target(name: "ClearanceDocument", dependencies: ["CLibYAML", "ClearanceCore"]),
        // Regular expressions in RE2 syntax, matched in linear time (CEL's matches()).
        .target(name: "ClearanceRegex"),
        // The CEL subset: parse, check, plan once; evaluate many times.
        .target(name: "ClearanceExpression", dependencies: ["ClearanceDocument", "ClearanceCore", "ClearanceRegex"]),
        // The shipped packs (Policies/*.yaml) built into the binary at every build by the EmbedPacks plugin: `policies: [builtin]`.
        .target(name: "ClearancePacks", exclude: ["Policies"], plugins: ["EmbedPacks"]),
        .plugin(name: "EmbedPacks", capability: .buildTool(), dependencies: ["EmbedPacksTool"]),
        .executableTarget(name: "EmbedPacksTool", path: "Plugins/EmbedPacksTool"),
        // Strict decoding of policies and documents; every expression compiled once.
        .target(
            name: "ClearancePolicy",
            dependencies: ["ClearancePacks", "ClearanceExpression", "ClearanceDocument", "ClearanceCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Runs compiled rules over documents: findings, waivers, the report.
        .target(
            name: "ClearanceEngine",
            dependencies: ["ClearancePolicy", "ClearanceExpression", "ClearanceDocument", "ClearanceCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // One Reporter protocol, one file per output format.
        .target(
            name: "ClearanceReporting",
            dependencies: ["ClearanceEngine", "ClearancePolicy", "ClearanceCore", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // Recorded runs (`--record`, `clearance history`): one store interface over SQLite (GRDB) and PostgreSQL (postgres-nio).
        .target(
            name: "ClearanceHistory",
            dependencies: [
                "ClearanceEngine", "ClearancePolicy", "ClearanceExpression", "ClearanceDocument", "ClearanceCore", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // `clearance serve`: decisions over HTTP (Hummingbird) from a prepared snapshot swapped whole on reload.
        .target(
            name: "ClearanceServer",
            dependencies: [
                "ClearanceCore", "ClearanceDocument", "ClearanceExpression", "ClearancePolicy", "ClearanceEngine", "ClearanceReporting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.embedInCode("Contract/openapi.yaml")]
        ),
        // The command-line interface; the executable only calls into it.
        .target(
            name: "ClearanceCLI",
            dependencies: [
                "CMalloc", "ClearanceCore", "ClearanceDocument", "ClearanceExpression", "ClearancePacks", "ClearancePolicy", "ClearanceEngine", "ClearanceReporting", "ClearanceHistory",
                "ClearanceServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "clearance", dependencies: ["ClearanceCLI"]),

        // Benchmarks (run with -c release; see Benchmarks/README.md).
        .executableTarget(
            name: "clearance-bench",
            dependencies: [
                "ClearanceDocument", "ClearanceCore", "ClearancePolicy", "ClearanceEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/ClearanceBench"
        ),
        .executableTarget(
            name: "expression-bench",
            dependencies: ["ClearanceExpression", "ClearanceDocument", "ClearanceCore"],
            path: "Benchmarks/ExpressionBench"
        ),

        // Runs a program in a forked child and reports its peak memory, for the hostile-input tests.
        .executableTarget(name: "peak-memory", path: "Tests/PeakMemory"),
        // Helpers every test target shares: temporary directories, running the built executable.
        .target(name: "ClearanceTestSupport", path: "Tests/ClearanceTestSupport"),
        // What each fuzz target does with one input: run by Fuzz/ under libFuzzer and by the regression tests.
        .target(
            name: "ClearanceFuzzTargets",
            dependencies: ["ClearanceEngine", "ClearancePolicy", "ClearanceExpression", "ClearanceDocument", "ClearanceCore"],
            path: "Tests/ClearanceFuzzTargets"
        ),
        .testTarget(
            name: "ClearanceYAMLTests",
            dependencies: ["ClearanceDocument", "ClearanceCore", "ClearanceTestSupport", "ClearanceFuzzTargets"],
            resources: [.copy("Resources")]
        ),
        .testTarget(
            name: "ClearanceExpressionTests",
            dependencies: ["ClearanceExpression", "ClearanceDocument", "ClearanceCore", "ClearanceTestSupport", "ClearanceFuzzTargets"],
            resources: [.copy("Resources")]
        ),
        .testTarget(
            name: "ClearancePolicyTests",
            dependencies: ["ClearancePacks", "ClearancePolicy", "ClearanceEngine", "ClearanceDocument", "ClearanceCore", "ClearanceTestSupport", "ClearanceFuzzTargets"],
            resources: [.copy("Resources")]
        ),
        .testTarget(name: "ClearanceRegexTests", dependencies: ["ClearanceRegex"]),
        // The engine over in-memory policies and documents: new kinds and readers, prepared evaluation.
        .testTarget(
            name: "ClearanceEngineTests",
            dependencies: ["ClearanceEngine", "ClearancePolicy", "ClearanceExpression", "ClearanceDocument", "ClearanceCore", "ClearanceTestSupport"]
        ),
        .testTarget(
            name: "ClearanceReportingTests",
            dependencies: ["ClearanceReporting", "ClearanceEngine", "ClearancePolicy", "ClearanceDocument", "ClearanceCore", "ClearanceTestSupport"],
            exclude: ["Golden"]
        ),
        // The history store's suite, run against a SQLite file and a PostgreSQL server the tests start.
        .testTarget(
            name: "ClearanceHistoryTests",
            dependencies: ["ClearanceHistory", "ClearanceEngine", "ClearancePolicy", "ClearanceCore", "ClearanceTestSupport"]
        ),
        // The server in process: every route, status code and problem body, checked against openapi.yaml.
        .testTarget(
            name: "ClearanceServerTests",
            dependencies: [
                "ClearanceServer", "ClearanceEngine", "ClearanceReporting", "ClearancePolicy", "ClearanceDocument", "ClearanceCore", "ClearanceTestSupport", "clearance",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "ClearanceCLITests",
            dependencies: ["ClearanceCLI", "clearance", "clearance-bench", "peak-memory", "ClearanceTestSupport", "ClearanceHistory"],
            exclude: ["Golden", "Schemas"]
        ),
    ]
)
