import ErrataTestSupport
import Foundation
import Testing

/// The test helper that runs the binary: large outputs on both streams do not block it.
@Suite struct ErrataProcessTests {
    @Test(.timeLimit(.minutes(1))) func moreThanAPipeFullOfErrorsDoesNotDeadlock() throws {
        let (folder, reviews) = try ReviewsOnDisk.write()
        defer { folder.remove() }
        // The slice error repeats the 100,000-character expression with a caret line under it.
        let expression = "genre = " + String(repeating: "x", count: 100_000)
        let result = try ErrataProcess.run(["slice", reviews] + ReviewsOnDisk.roles + ["--where", expression])
        #expect(result.status == 1)
        #expect(result.stderr.utf8.count > 100_000)
        #expect(result.stderr.contains("use '==' to compare"))
    }
}
