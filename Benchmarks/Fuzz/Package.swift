// swift-tools-version: 6.1
import PackageDescription

/// A libFuzzer harness for errata's readers and slice parser (docs/fuzzing.md). A package of
/// its own so that nothing here is built by `swift test` in the main package; build it with
/// `-sanitize=fuzzer` as that page shows.
let package = Package(
    name: "errata-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "errata", path: "../.."),
    ],
    targets: [
        .target(name: "CFuzzDriver"),
        .executableTarget(
            name: "fuzz-loaders",
            dependencies: ["CFuzzDriver", .product(name: "ErrataCore", package: "errata")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
