import BitCollections
import ErrataTestSupport
import Foundation
import Testing
@testable import ErrataCore

/// The bundled datasets load with their manifests alone, and the whole path (loader, long
/// layout join, cached statistics, slice scoring) gives sacrebleu's corpus scores.
@Suite struct BundledDatasetTests {
    static let wmt = Result { Analysis(dataset: try DatasetLoader.load(Fixtures.bundledDatasets.appendingPathComponent("wmt17-en-de").path)) }

    @Test func wmt17LoadsSixteenSystemsInLongLayout() throws {
        let d = try Self.wmt.get().dataset
        #expect(d.count == 3004 && d.task == .generation)
        #expect(d.systems.count == 16 && d.systems.allSatisfy { $0.present == nil })
        #expect(d.ids[0] == "newstest2017-0001")
        #expect(d.system(named: "uedin-nmt")?.output[0] == "28-jähriger Chef Found in der San Francisco Mall gestorben")
    }

    @Test(arguments: ["chrf", "chrf++", "bleu", "ter"])
    func corpusScoresOfTheWholePipelineMatchSacrebleu(metric: String) throws {
        let analysis = try Self.wmt.get()
        let url = try #require(Bundle.module.url(forResource: "wmt17", withExtension: "json", subdirectory: "Fixtures/sacrebleu"))
        let fixture = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let corpus = try #require(fixture["corpus"] as? [String: [String: Double]])
        #expect(corpus.count == 4)
        for (longName, scores) in corpus {
            let system = longName.replacingOccurrences(of: #"^newstest2017\.(.+)\.\d+\.en-de$"#, with: "$1", options: .regularExpression)
            let summary = try analysis.summary(slices: [NamedSlice(name: "all", rows: BitSet.all(3004))], systems: [system],
                                               metric: metric, bootstrap: BootstrapSettings(resamples: 1))
            let expected = try #require(scores[metric])
            #expect(abs(try #require(summary.rows[0].value) - expected) < 1e-9, "\(system) \(metric)")
        }
    }

    @Test func rottenTomatoesTestSplit() throws {
        let d = try DatasetLoader.load(Fixtures.bundledDatasets.appendingPathComponent("rotten-tomatoes").path)
        #expect(d.count == 2425 && d.task == .classification)
        #expect(d.classes.sorted() == ["negative", "positive"])
        guard case .categorical(let movies)? = d.column(named: "movie")?.storage else {
            Issue.record("movie should be categorical")
            return
        }
        #expect(movies.levels.count == 99)
        let analysis = Analysis(dataset: d)
        #expect(try analysis.evaluator.rows(where: #"label == "positive""#).count == 1376)
    }
}
