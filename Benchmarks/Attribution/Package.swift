// swift-tools-version: 6.1
import PackageDescription

/// Benchmarks of errata's attribution engine: forward latency, Integrated Gradients,
/// permutation Shapley values and IG completeness on the demo model. A package of its own so
/// that nothing here is built or run by `swift test` in the main package.
let package = Package(
    name: "attribution-bench",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "errata", path: "../.."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .executableTarget(
            name: "attribution-bench",
            dependencies: [
                .product(name: "Attribution", package: "errata"),
                .product(name: "ErrataCore", package: "errata"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
