import ErrataTestSupport
import Foundation
import Testing

/// The same seed gives the same numbers on every path.
@Suite struct ReproducibilityCommandTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
    }

    @Test func thePipedDemoPrintsTheSummarysIntervals() throws {
        let piped = try ErrataProcess.run([], in: folder.url, environment: TrustworthyStatisticsTests.bundled)
        let summary = try ErrataProcess.run(["summary", "wmt17-en-de"], environment: TrustworthyStatisticsTests.bundled)
        func line(_ text: String) -> Substring? { text.split(separator: "\n").first { $0.contains("LIUM-NMT") } }
        let pipedLine = try #require(line(piped.stdout))
        #expect(pipedLine == line(summary.stdout))
        #expect(pipedLine.hasSuffix("[55.4923, 56.3828]"), "\(pipedLine)")
    }
}
