import BitCollections
import ErrataTestSupport
import Foundation
import Testing
@testable import ErrataCore

/// The bundled TED English-German MQM ratings give the expert table that Google publishes for
/// them (github.com/google/wmt-mqm-human-evaluation, README, "TED talks, English to German";
/// Freitag et al. 2021), to its two printed decimals: system MQM is the mean over segments of
/// the weighted error count, one rater per output.
@Suite struct MQMPublishedTableTests {
    static let ted = Result { Analysis(dataset: try DatasetLoader.load(Fixtures.bundledDatasets.appendingPathComponent("mqm-ted-en-de").path)) }

    static let published: [(String, Double)] = [
        ("ref", 0.91), ("Facebook-AI", 1.06), ("Online-W", 1.12), ("VolcTrans-AT", 1.24), ("metricsystem3", 1.44),
        ("VolcTrans-GLAT", 1.49), ("HuaweiTSC", 1.50), ("metricsystem1", 1.63), ("metricsystem2", 1.69),
        ("metricsystem5", 1.72), ("UEdin", 1.77), ("metricsystem4", 1.78), ("eTranslation", 1.96), ("Nemo", 2.14),
    ]

    @Test func systemLevelMQMMatchesThePublishedTable() throws {
        let analysis = try Self.ted.get()
        let summary = try analysis.summary(slices: [NamedSlice(name: "all", rows: BitSet.all(analysis.dataset.count))],
                                           metric: "mqm", bootstrap: BootstrapSettings(resamples: 1))
        #expect(summary.higherIsBetter == false)
        #expect(Set(summary.rows.map { $0.system ?? "" }) == Set(Self.published.map(\.0)))
        for (system, expected) in Self.published {
            let row = try #require(summary.rows.first { $0.system == system })
            let value = try #require(row.value)
            #expect(row.count == 529)
            if system == "eTranslation" {
                // 1.9688 in the file as published, printed 1.96 where rounding gives 1.97 (Facebook-AI's
                // 1.0560 is printed 1.06, so the table rounds): the only system off by the last digit's
                // rounding, within the printed digits' truncation (docs/decisions.md).
                #expect(value >= expected && value < expected + 0.01, "\(system): \(value)")
            } else {
                #expect((value * 100).rounded() / 100 == expected, "\(system): \(value)")
            }
        }
    }

    @Test func theBundleHoldsEveryRatingWithItsSpan() throws {
        let d = try Self.ted.get().dataset
        #expect(d.count == 529 && d.systems.count == 14 && d.systems.allSatisfy { $0.present == nil })
        #expect(d.ids[0] == "talk.1:1" && d.referenceSystem == "ref" && d.label?.name == "reference")
        let ratings = d.expertRatings.ratings
        #expect(ratings.count == 529 * 14)
        #expect(Set(d.expertRatings.raters) == ["rater1", "rater2", "rater3", "rater4"])
        let errors = ratings.flatMap(\.errors)
        // 8,435 rows, 4,404 of them No-error.
        #expect(errors.count == 8435 - 4404)
        #expect(errors.filter { $0.span != nil }.count == 4017 && errors.filter { $0.sourceSpan != nil }.count == 14)
        // Every span lies inside its output.
        for rating in ratings {
            let output = try #require(d.system(named: rating.system)).output[try #require(d.row(id: rating.instance))]
            for case let span? in rating.errors.map(\.span) { #expect(span.end <= output.unicodeScalars.count) }
        }
        #expect(d.warnings.count == 1 && d.warnings[0].contains("mqm_ted_ende.tsv:6444:757"))
    }
}
