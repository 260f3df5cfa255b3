import ErrataCore
import ErrataTestSupport
import TerminalUI
import Testing
import Typology
@testable import Workbench

/// Work queues, disagreements and tallies: the parts that read the tags as statistics.
extension TaggingUpdateTests {
    @Test func sampleDrawsASeededStratifiedQueueOfTheFilter() throws {
        var s = state()
        func command(_ text: String) -> [Effect] {
            _ = send(&s, [.character(":")])
            return type(&s, text) + send(&s, [.enter])
        }
        let effects = command("sample 4 by genre seed 3")
        guard case .tagging(.saveQueue(let queue))? = effects.first, effects.count == 1 else { Issue.record("no queue"); return }
        #expect(queue.name == "sample-4-seed-3" && queue.seed == 3 && queue.strata == "genre" && queue.filter == nil)
        #expect(queue.items.allSatisfy { $0.system == "bert" })
        // Proportional to the strata (drama 4, comedy 3, horror 3 of 10): 2, 1 and 1.
        let genre = analysis.dataset.column(named: "genre")!
        let genres = queue.items.map { genre.displayValue(analysis.dataset.row(id: $0.instance)!) }
        #expect(genres.filter { $0 == "drama" }.count == 2 && genres.filter { $0 == "comedy" }.count == 1)
        #expect(command("sample 4 by genre seed 3") == effects)
        #expect(s.message?.text == "saving work queue sample-4-seed-3 (4 instances)…")
        _ = command("slice not correct(bert)")
        guard case .tagging(.saveQueue(let errors))? = command("sample 10 as errors").first else { Issue.record("no queue"); return }
        #expect(errors.name == "errors" && errors.filter == "not correct(bert)" && Set(errors.items.map(\.instance)) == ["5", "8"])
        #expect(command("sample ten").isEmpty && s.message?.text == "usage: :sample N [by COLUMN] [seed S] [as NAME]")
        #expect(command("sample 3 by mood").isEmpty && s.message?.text == "no column 'mood' (columns: genre, year)")
    }

    @Test func disagreementsBecomeTheFilter() {
        var s = state(tags: [stored(1, "5", ["Accuracy"]), stored(2, "5", ["Fluency"], by: "bo"), stored(3, "1", ["Accuracy"]), stored(4, "1", ["Accuracy"], by: "bo")])
        _ = send(&s, [.character(":")])
        _ = type(&s, "disagreements")
        _ = send(&s, [.enter])
        #expect(s.filter == #"id in ["5"]"# && s.rows == [4])
        #expect(s.message?.text == "1 units where annotators disagree, of 2 tagged by two or more · Enter shows each one's tags")
    }

    @Test func talliesCountTheFilterAndEachGrouping() throws {
        var s = state(tags: [stored(1, "5", ["Accuracy/Omission"]), stored(2, "8", ["Fluency"]), stored(3, "2", ["Accuracy/Addition"])])
        _ = send(&s, [.character("T")])
        guard case .tallies(let view)? = s.overlay else { Issue.record("no tallies"); return }
        let lines = talliesLines(view.tallies)
        #expect(lines.first == .heading("All instances · bert · 3 tagged of 10"))
        guard case .row(let accuracy) = lines[1] else { Issue.record("no row"); return }
        #expect(accuracy.category == "Accuracy" && accuracy.count == 2 && accuracy.tagged == 3)
        _ = send(&s, [.character("j"), .character("j")])
        guard case .tallies(let scrolled)? = s.overlay else { Issue.record("tallies closed"); return }
        #expect(scrolled.top == 2)
        _ = send(&s, [.escape])
        #expect(s.overlay == nil)
    }
}

extension ScreenTests {
    @Test(arguments: taggingSizes) func tallies(width: Int, height: Int) throws {
        var state = try tagged(width: width, height: height)
        let more = [("2", "Accuracy/Addition", "ana"), ("8", "Fluency", "ana"), ("3", "Accuracy/Omission", "bo"), ("7", "Accuracy", "ana")]
        let tags = state.tagging.tags + more.enumerated().map { i, t in
            StoredTag(id: Int64(10 + i), tag: Tag(instance: t.0, system: "bert", categories: [CategoryPath(t.1)!], annotator: t.2, time: "2026-01-01T00:00:00.000Z"))
        }
        _ = step(&state, .tagging(.opened(TaggingUpdateTests.typology, tags, queue: nil)))
        keys(&state, [.character("T")])
        assertSnapshot(screen(state), named: "tallies-\(width)x\(height)")
    }
}
