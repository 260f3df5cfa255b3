// swift-tools-version: 6.1
import PackageDescription

/// errata's performance benchmarks: a separate package, so that the main `swift test` and CI
/// never build or run them. `Benchmarks/run.sh` builds `errata-bench` in release, generates
/// the synthetic datasets and runs it side by side with pandas and sacrebleu (see
/// docs/performance.md).
let package = Package(
    name: "errata-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "errata", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        .executableTarget(
            name: "errata-bench",
            dependencies: [
                .product(name: "ErrataCore", package: "errata"),
                .product(name: "Workbench", package: "errata"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "BitCollections", package: "swift-collections"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
