import ErrataTestSupport
import Foundation
import Testing

/// Set-ups that load but cannot mean much warn on standard error, whatever the command.
@Suite struct SetupWarningCommandTests {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
    }

    @Test func everyCommandWarnsAboutDisjointVocabularies() throws {
        let text = "id,text,gold,pred\n" + (1 ... 20).map { "\($0),t\($0),\($0 % 10 + 1),\(["positive", "negative", "neutral"][$0 % 3])" }.joined(separator: "\n") + "\n"
        let file = try folder.write("stars.csv", text)
        let roles = ["--input", "text", "--label", "gold", "--output", "stars=pred", "--task", "classification"]
        for command in ["summary", "validate", "compare", "histogram"] {
            let r = try ErrataProcess.run([command, file] + roles)
            #expect(r.stderr.contains("errata: warning: none of system 'stars''s predictions are classes of the label 'gold'"), "\(command): \(r.stderr)")
        }
    }
}
