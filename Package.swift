// swift-tools-version: 6.1
import PackageDescription

/// errata: a terminal workbench for error analysis of machine learning models.
///
/// Module layout (see docs/architecture.md): a headless core (`ErrataCore`), the command-line
/// commands as a library (`ErrataCommands`, so tests can drive them in process) and a thin
/// executable (`errata`). The terminal layer is `TerminalUI` (cells, frames, input events,
/// the backend protocol; no ncurses) and `NcursesTerminal` (the backend, the only user of the
/// `CNcurses` shim). `Attribution` is the explanation engine, `Typology` the error typologies and the annotation
/// store (SQLite through GRDB).
let package = Package(
    name: "errata",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "errata", targets: ["errata"]),
        .library(name: "ErrataCore", targets: ["ErrataCore"]),
        // For the separate Benchmarks packages (keypress-to-frame latency, attribution).
        .library(name: "Workbench", targets: ["Workbench"]),
        .library(name: "Attribution", targets: ["Attribution"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(
            name: "ErrataCore",
            dependencies: [
                "CStringSearch",
                .product(name: "BitCollections", package: "swift-collections"),
            ],
            // The numerical core is optimised in debug builds too, so that `swift run errata`
            // (a debug build) scores a dataset in a second rather than half a minute. Only this
            // module: the rest stays quick to compile and easy to debug. See docs/decisions.md.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .target(
            name: "Attribution",
            dependencies: ["ErrataCore", "CBFloat16GEMM", "CVectorMath"],
            // Tensor kernels and explainers: optimised in debug builds too (see ErrataCore).
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .target(
            name: "Typology",
            dependencies: [
                "ErrataCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "TerminalUI",
            // Every frame writes, diffs and wraps its text through here: optimised in debug
            // builds too (see ErrataCore), so a long cell scrolls as smoothly under `swift run`.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .target(
            name: "Workbench",
            dependencies: [
                "ErrataCore", "TerminalUI", "Typology",
                .product(name: "BitCollections", package: "swift-collections"),
            ],
            // Runs over every row on sorts and searches: optimised in debug builds too.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // errata's bfloat16 GEMM (AVX512-BF16), for `--precision bf16`: in C because Swift has
        // no AVX-512 intrinsics. Optimised in debug builds too: its intrinsics are slow at -O0.
        .target(
            name: "CBFloat16GEMM",
            cSettings: [.unsafeFlags(["-O3"])]
        ),
        // The transformer's element-wise steps (GELU, softmax) on the widest vectors the
        // processor has, chosen at load: Swift builds for baseline x86-64. No contraction, so
        // every instance rounds alike; optimised in debug builds too, as the model runs in tests.
        .target(
            name: "CVectorMath",
            cSettings: [.unsafeFlags(["-O3", "-ffp-contract=off"])]
        ),
        // C shim: memmem, a GNU extension Swift's Glibc module does not import.
        .target(name: "CStringSearch"),
        .target(
            name: "CNcurses",
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        .target(
            name: "NcursesTerminal",
            dependencies: ["CNcurses", "TerminalUI"]
        ),
        .target(
            name: "ErrataCommands",
            dependencies: [
                "ErrataCore",
                "TerminalUI",
                "NcursesTerminal",
                "Workbench",
                "Attribution",
                "Typology",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "BitCollections", package: "swift-collections"),
            ]
        ),
        .executableTarget(
            name: "errata",
            dependencies: ["ErrataCommands"]
        ),
        .target(
            name: "ErrataTestSupport",
            dependencies: ["ErrataCore", "TerminalUI"],
            path: "Tests/ErrataTestSupport"
        ),
        .testTarget(
            name: "ErrataCoreTests",
            dependencies: ["ErrataCore", "ErrataTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "AttributionTests",
            dependencies: ["Attribution", "CVectorMath", "ErrataCore", "ErrataTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TypologyTests",
            dependencies: [
                "Typology", "ErrataCore", "ErrataTestSupport",
                // The store's schema tests write files as an earlier errata would have.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["TerminalUI", "ErrataTestSupport"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "WorkbenchTests",
            dependencies: ["Workbench", "ErrataCore", "TerminalUI", "Typology", "ErrataTestSupport"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "NcursesTerminalTests",
            dependencies: ["NcursesTerminal", "CNcurses", "TerminalUI"]
        ),
        .testTarget(
            name: "ErrataCommandsTests",
            // Attribution: the end-to-end tests point the binary at the shared MiniLM folder.
            dependencies: ["ErrataCommands", "ErrataCore", "ErrataTestSupport", "TerminalUI", "Typology", "Attribution"],
            exclude: ["__Snapshots__"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
