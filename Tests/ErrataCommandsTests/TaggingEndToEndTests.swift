import ErrataCore
import ErrataTestSupport
import Foundation
import Testing
import Typology

/// Tagging as an annotator does it, in a real terminal: open a copy of the demo, tag two
/// errors with single keys, draw a work queue, quit, reopen, and find the tags on screen and
/// in `tags.sqlite`, and the queue.
@Suite struct TaggingEndToEndTests {
    static func session(_ dataset: String) throws -> TmuxSession {
        let script = "echo errata-before; '\(ErrataProcess.executable.path)' open '\(dataset)' --annotator ana; echo \"errata-after exit=$?\""
        return try TmuxSession(command: script, width: 120, height: 30)
    }

    /// Types `:text` and waits for `expected` on screen.
    static func command(_ tmux: TmuxSession, _ text: String, shows expected: String) throws {
        try tmux.sendKeys(":")
        try tmux.sendText(text)
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: expected)
    }

    @Test func tagTwoErrorsQuitReopenAndFindThem() throws {
        let (folder, dataset) = try Fixtures.demoCopy()
        defer { folder.remove() }
        let first = try Self.session(dataset)
        defer { first.kill() }
        try first.waitFor(text: "errata · wmt17-en-de · 3004 instances")
        try first.sendKeys("t")
        let palette = try first.waitFor(text: "Tag newstest2017-0001 · new")
        #expect(palette.contains("system LIUM-NMT (Tab)") && palette.contains("1 Accuracy"))
        try first.sendKeys("1", "Enter")
        try first.waitFor(text: "saved newstest2017-0001 (LIUM-NMT): Accuracy")
        try first.sendKeys("j", "t")
        try first.waitFor(text: "Tag newstest2017-0002 · new")
        try first.sendKeys("2", "!", "Enter")
        try first.waitFor(text: "saved newstest2017-0002 (LIUM-NMT): Fluency")
        try Self.command(first, "sample 5 seed 2", shows: "work queue sample-5-seed-2: 0 / 5 tagged")
        try first.sendKeys("q")
        try first.waitFor(text: "errata-after exit=0")

        // The project folder is beside the manifest: <copy>/.errata/wmt17-en-de/.
        let path = URL(fileURLWithPath: dataset).appendingPathComponent(".errata/wmt17-en-de/tags.sqlite").path
        #expect(FileManager.default.fileExists(atPath: path))
        let stored = try TagStore(path: path).tags().map(\.tag)
        #expect(stored.map(\.instance) == ["newstest2017-0001", "newstest2017-0002"])
        #expect(stored.map { $0.categories.map(\.description) } == [["Accuracy"], ["Fluency"]])
        #expect(stored.allSatisfy { $0.annotator == "ana" && $0.system == "LIUM-NMT" } && stored[1].severity != nil)

        let second = try Self.session(dataset)
        defer { second.kill() }
        // The queue drawn last is resumed on opening.
        let reopened = try second.waitFor(text: "resumed work queue sample-5-seed-2: 0 / 5 tagged")
        #expect(reopened.contains("tags") && reopened.contains("Accuracy") && reopened.contains("Fluency"))
        try second.sendKeys("Enter")
        try second.waitFor(text: "ana on LIUM-NMT: Accuracy")
        #expect(try second.capture().contains("tags (t edits yours)"))
        try second.sendKeys("Escape", "w")
        try second.waitFor(text: "next untagged of sample-5-seed-2 · 0 / 5 tagged")
        try Self.command(second, "queue off", shows: "no work queue")
        try second.sendKeys("g", "w")
        try second.waitFor(text: "row 3 of 3004")
        try Self.command(second, "queue sample-5-seed-2", shows: "work queue sample-5-seed-2: 0 / 5 tagged")
        try second.sendKeys("q")
        try second.waitFor(text: "errata-after exit=0")
    }
}
