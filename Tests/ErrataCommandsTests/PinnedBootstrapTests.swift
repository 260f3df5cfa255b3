import ErrataTestSupport
import Foundation
import Testing

/// The bootstrap's numbers on the demo, pinned: the JSON that `errata summary` and `errata
/// compare` print for `wmt17-en-de` (16 systems, 1,000 resamples, seed 12345) must stay the
/// same byte for byte however the resampling is organised (specialised loops, one parallel pass
/// over every system and slice). The files under `__Snapshots__` were written by the
/// implementation before those changes; a difference here is a change of results, not of speed.
@Suite struct PinnedBootstrapTests {
    @Test(arguments: [
        ("summary-wmt17-en-de", ["summary", "wmt17-en-de", "--format", "json"]),
        ("summary-wmt17-en-de-by-length", ["summary", "wmt17-en-de", "--by", "length(reference)", "--format", "json"]),
        ("compare-wmt17-en-de", ["compare", "wmt17-en-de", "--systems", "online-B,uedin-nmt,LIUM-NMT",
                                 "--by", "tokens(reference) > 25", "--format", "json"]),
    ])
    func demoNumbersAreUnchanged(name: String, arguments: [String]) throws {
        let result = try ErrataProcess.run(arguments, environment: TrustworthyStatisticsTests.bundled)
        #expect(result.status == 0, "\(result.stderr)")
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("__Snapshots__").appendingPathComponent("\(name).json")
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(result.stdout == expected, "\(name): the bootstrap's numbers changed")
    }
}
