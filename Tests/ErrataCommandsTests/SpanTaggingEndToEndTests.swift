import ErrataCore
import ErrataTestSupport
import Foundation
import Testing
import Typology

/// Marking an error span as an annotator does, in a real terminal: open a copy of a dataset,
/// open an instance, mark the first word of the focused output, tag it, quit, and find the
/// tag with its span in `errata tags export`.
@Suite struct SpanTaggingEndToEndTests {
    /// Opens `dataset` as annotator `ana`, waits for `opened`, runs `before` (more keys), then
    /// marks the first word of `system`'s output on the first instance (`instance`), tags it
    /// with the palette's first category, quits, and returns `tags export` and the span's end.
    static func markTagQuitAndExport(_ dataset: String, system: SystemOutputs, instance: String, opened: String,
                                     before: (TmuxSession) throws -> Void = { _ in }) throws -> (export: ErrataProcess.Result, end: Int) {
        let word = String(system.output[0].prefix { $0.isLetter || $0.isNumber })
        try #require(word.unicodeScalars.count >= 2)
        let end = word.unicodeScalars.count

        let tmux = try TaggingEndToEndTests.session(dataset)
        defer { tmux.kill() }
        try tmux.waitFor(text: opened, timeout: .seconds(30))
        try before(tmux)
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "▸ \(system.name)")
        try tmux.sendKeys("v", "W")
        try tmux.waitFor(text: "marking 0:\(end) of \(system.name): “\(word)”")
        try tmux.sendKeys("t")
        try tmux.waitFor(text: "system \(system.name), characters 0:\(end) “\(word)”")
        try tmux.sendKeys("1", "Enter")
        try tmux.waitFor(text: "saved \(instance) (\(system.name) 0:\(end)): ")
        try tmux.sendKeys("q")
        try tmux.waitFor(text: "errata-after exit=0")
        return (try ErrataProcess.run(["tags", "export", dataset]), end)
    }

    @Test func markTagQuitAndExportASpan() throws {
        let (folder, dataset) = try Fixtures.demoCopy()
        defer { folder.remove() }
        let system = try #require(DatasetLoader.load(dataset).system(named: "LIUM-NMT"))
        let (exported, end) = try Self.markTagQuitAndExport(dataset, system: system, instance: "newstest2017-0001",
                                                            opened: "errata · wmt17-en-de · 3004 instances")
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.hasPrefix(#"{"instance":"newstest2017-0001","system":"LIUM-NMT","span":[0,\#(end)],"categories":["Accuracy"]"#),
                "\(exported.stdout)")
        #expect(exported.stdout.contains(#""annotator":"ana""#))
    }

    /// The same on Google's expert MQM ratings: open the TED ratings, compare two systems by
    /// MQM (lower is better), mark a span in the first output, tag it, quit, find it exported.
    @Test func onTheMQMRatingsCompareByMQMThenMarkTagAndExportASpan() throws {
        let (folder, dataset) = try Fixtures.demoCopy("mqm-ted-en-de", files: ["errata.json", "mqm_ted_ende.tsv"])
        defer { folder.remove() }
        let first = try #require(DatasetLoader.load(dataset).systems.first)
        let (exported, end) = try Self.markTagQuitAndExport(dataset, system: first, instance: "talk.1:1",
                                                            opened: "errata · mqm-ted-en-de · 529 instances") { tmux in
            try tmux.sendKeys("c")
            try tmux.waitFor(text: "Compare · mqm · baseline \(first.name)")
            // The comparison is in when its legend is: better or worse in MQM's direction, tested.
            try tmux.waitFor(text: "▲ better / ▼ worse than the baseline", timeout: .seconds(60))
            try tmux.sendKeys("Escape")
        }
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.hasPrefix(#"{"instance":"talk.1:1","system":"\#(first.name)","span":[0,\#(end)],"categories":["#), "\(exported.stdout)")
        // The experts' ratings are never written to the user's store: one line, the user's.
        #expect(exported.stdout.split(separator: "\n").count == 1)
    }
}
