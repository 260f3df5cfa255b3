import Attribution
import ErrataTestSupport
import Foundation
import Testing
@testable import ErrataCommands

/// `errata attribute --precision bf16`: the f(x) error reported beside the standard errors, and
/// the usage errors (exit 2) where bf16 does not apply.
@Suite(.serialized) struct PrecisionOptionTests {
    @Test(.enabled(if: BFloat16Weights.processorSupports, "the processor lacks AVX512-BF16"))
    func bf16ReportsItsErrorInJSONAndText() throws {
        let cache = try TemporaryDirectory()
        let arguments = ["attribute", "rotten-tomatoes", "--instance", AttributeCommandTests.id, "--system", "minilm",
                         "--method", "permutation", "--budget", "200", "--precision", "bf16"]
        let environment = try AttributeCommandTests.environment(cache, minilm: true)
        let result = try ErrataProcess.run(arguments + ["--format", "json"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        #expect(json["precision"] as? String == "bf16")
        let error = try #require(json["precision_error"] as? Double)
        #expect(error >= 0 && error < 0.01)
        #expect(json["se"] is [Double])
        // The table says it on the facts line; the second run reads the cache.
        let table = try ErrataProcess.run(arguments, environment: environment)
        #expect(table.stdout.contains("bf16: f(x) off float32 by \(String(format: "%.2e", error))"), "\(table.stdout)")
        // float32 is the default and is cached apart from bf16.
        let float32 = try ErrataProcess.run(Array(arguments.dropLast(2)) + ["--format", "json"], environment: environment)
        let plain = try float32.json()
        #expect(plain["precision"] is NSNull && plain["precision_error"] is NSNull)
    }

    /// `--all`: the summary's mean and largest error, from the instances' own; the table (from
    /// the cache on the second run) says both.
    @Test(.enabled(if: BFloat16Weights.processorSupports, "the processor lacks AVX512-BF16"))
    func allSummarisesTheErrorOverTheSlice() throws {
        let cache = try TemporaryDirectory()
        let arguments = ["attribute", "rotten-tomatoes", "--all", "--where", "movie == \"adam_sandlers_eight_crazy_nights\"",
                         "--system", "minilm", "--method", "loo", "--precision", "bf16"]
        let environment = try AttributeCommandTests.environment(cache, minilm: true)
        let summary = try ErrataProcess.run(arguments + ["--format", "json"], environment: environment)
        #expect(summary.status == 0, "\(summary.stderr)")
        let json = try summary.json()
        let mean = try #require(json["precision_error_mean"] as? Double), largest = try #require(json["precision_error_max"] as? Double)
        #expect(mean > 0 && mean <= largest && largest < 0.01)
        let table = try ErrataProcess.run(arguments, environment: environment)
        #expect(table.stdout.contains(String(format: "bf16: f(x) off float32 by %.2e on average, %.2e at most", mean, largest)), "\(table.stdout)")
    }

    @Test func bf16WithAGradientMethodIsAUsageError() throws {
        let cache = try TemporaryDirectory()
        let result = try ErrataProcess.run(["attribute", "rotten-tomatoes", "--instance", AttributeCommandTests.id, "--method", "ig",
                                            "--precision", "bf16"], environment: try AttributeCommandTests.environment(cache))
        #expect(result.status == 2)
        #expect(result.stderr.contains("--precision bf16 applies to the perturbation methods (shap, kernelshap, permutation, exact, loo), not ig"))
    }

    /// On a processor without AVX512-BF16 (the answer injected): a usage error naming it.
    @Test func bf16WithoutTheFeatureNamesIt() throws {
        let error = #expect(throws: (any Error).self) {
            try AttributeCommand.validate(precision: .bf16, method: .explanation(.shap), processorSupports: false)
        }
        #expect(error.map { "\($0)" }?.contains("--precision bf16 needs a processor with AVX512-BF16 (avx512_bf16 in /proc/cpuinfo)") == true)
        try AttributeCommand.validate(precision: .bf16, method: .explanation(.loo), processorSupports: true)
        try AttributeCommand.validate(precision: .float32, method: .explanation(.ig), processorSupports: false)
    }
}
