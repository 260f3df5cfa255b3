import ErrataCore
import ErrataTestSupport
import TerminalUI
import Testing
import Typology
@testable import Workbench

/// The tagging workflow as `update` sees it: the palette's keys, the exact effects handed to
/// the store, and what the screen says before and after the store answers.
@Suite struct TaggingUpdateTests {
    let analysis: Analysis

    init() throws {
        analysis = Analysis(dataset: try Fixtures.reviewsDataset())
    }

    static let typology = Typology(name: "test", severities: ["minor", "major"], categories: [
        .init("Accuracy", key: "a", children: [.init("Omission", key: "o"), .init("Addition")]),
        .init("Fluency", key: "f", children: [.init("Grammar"), .init("Spelling", key: "n")]),
    ])

    static func path(_ text: String) -> CategoryPath { CategoryPath(text)! }

    /// A state whose store has answered with `tags`.
    func state(tags: [StoredTag] = []) -> AppState {
        var s = AppState.settled(analysis: analysis, width: 120, height: 40, annotator: "ana")
        _ = step(&s, .tagging(.opened(Self.typology, tags, queue: nil)))
        return s
    }

    func send(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
        keys.flatMap { step(&state, .event(.key($0))) }
    }

    func type(_ state: inout AppState, _ text: String) -> [Effect] {
        send(&state, text.map { Key.character($0) })
    }

    func stored(_ id: Int64, _ instance: String, _ categories: [String], by annotator: String = "ana", system: String? = "bert") -> StoredTag {
        StoredTag(id: id, tag: Tag(instance: instance, system: system, categories: categories.map(Self.path), annotator: annotator, time: "2026-01-01T00:00:00.000Z"))
    }

    func statusLine(_ state: AppState) -> String {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        render(state, into: &buffer)
        return buffer.snapshot().split(separator: "\n").map(String.init)[state.height - 2]
    }

    @Test func paletteKeymapHasEveryCommandOnceAndNoCategoryShadowsIt() {
        let keymap = PaletteKeymap.palette
        for command in PaletteCommand.allCases { #expect(!keymap.labels(for: command).isEmpty, "\(command) has no key") }
        let keys = keymap.bindings.map(\.key)
        #expect(Set(keys).count == keys.count)
        // `n` is the typology's key for Fluency/Spelling and the palette's "new category".
        let quick = state().tagging.quickKeys
        #expect(!quick.contains { $0.key == "n" })
        #expect(quick.prefix(3).map { "\($0.key) \($0.path)" } == ["a Accuracy", "o Accuracy/Omission", "f Fluency"])
        #expect(quick.dropFirst(3).map { "\($0.key) \($0.path)" } == ["1 Accuracy/Addition", "2 Fluency/Grammar", "3 Fluency/Spelling"])
    }

    @Test func mostUsedCategoriesWithoutAKeyGetTheFirstFreeKeys() {
        let s = state(tags: [stored(1, "1", ["Fluency/Spelling"]), stored(2, "2", ["Fluency/Spelling", "Fluency/Grammar"]), stored(3, "3", ["Fluency/Grammar"]), stored(4, "4", ["Fluency/Spelling"])])
        #expect(s.tagging.quickKeys.dropFirst(3).map { "\($0.key) \($0.path)" } == ["1 Fluency/Spelling", "2 Fluency/Grammar", "3 Accuracy/Addition"])
    }

    @Test func savingIsAnEffectAndSavedOnlyFollowsTheStoresAnswer() {
        var s = state()
        _ = send(&s, [.down, .character("t")])
        #expect(s.tagging.palette == TagPalette(instance: "2", system: "bert", existing: nil))
        _ = send(&s, [.character("o"), .character("f"), .character("f"), .character("!"), .character("!"), .character("\"")])
        _ = type(&s, "too short")
        _ = send(&s, [.enter])
        #expect(s.tagging.palette?.categories == [Self.path("Accuracy/Omission")])
        #expect(s.tagging.palette?.severity == "major" && s.tagging.palette?.note == "too short")
        let effects = send(&s, [.enter])
        let tag = Tag(instance: "2", system: "bert", categories: [Self.path("Accuracy/Omission")], severity: "major",
                      note: "too short", annotator: "ana", time: "")
        #expect(effects == [.tagging(.save(tag, replacing: nil))])
        #expect(s.tagging.palette == nil && s.tagging.saving == 1)
        #expect(s.message?.text == "saving the tag of 2…")
        #expect(!statusLine(s).contains("saved"))
        // Moving on before the store answers: the status line still says so.
        _ = send(&s, [.down])
        #expect(statusLine(s).contains("saving…") && s.tagging.tags.isEmpty)
        var committed = tag
        committed.time = "2026-01-01T00:00:00.000Z"
        _ = step(&s, .tagging(.saved(StoredTag(id: 7, tag: committed), Self.typology)))
        #expect(s.tagging.saving == 0 && s.tagging.tags == [StoredTag(id: 7, tag: committed)])
        #expect(s.message == .init(text: "saved 2 (bert): Accuracy/Omission", isError: false))
        #expect(!statusLine(s).contains("saving"))
    }

    @Test func reopeningEditsTheOwnTagAndOthersTagsStayTheirs() {
        var s = state(tags: [stored(3, "1", ["Fluency"], by: "bo"), stored(4, "1", ["Accuracy"])])
        _ = send(&s, [.character("t")])
        #expect(s.tagging.palette?.replacing == 4 && s.tagging.palette?.categories == [Self.path("Accuracy")])
        let effects = send(&s, [.character("a"), .character("o"), .enter])
        guard case .tagging(.save(let tag, let replacing))? = effects.first else { Issue.record("no save"); return }
        #expect(replacing == 4 && tag.categories == [Self.path("Accuracy/Omission")] && tag.annotator == "ana")
    }

    @Test func aFailedSaveBringsTheTagBack() {
        var s = state()
        let effects = send(&s, [.character("t"), .character("a"), .enter])
        guard case .tagging(.save(let tag, _))? = effects.first else { Issue.record("no save"); return }
        _ = step(&s, .tagging(.saveFailed(tag, replacing: nil, "database is locked")))
        #expect(s.message == .init(text: "not saved: database is locked", isError: true))
        #expect(s.tagging.palette?.categories == [Self.path("Accuracy")] && s.tagging.palette?.replacing == nil)
        #expect(s.tagging.palette?.error == "not saved: database is locked · Enter retries, Esc discards")
        #expect(send(&s, [.enter]) == [.tagging(.save(tag, replacing: nil))])
    }

    @Test func emptySelectionIsNotSavedAndEscapeDiscards() {
        var s = state()
        #expect(send(&s, [.character("t"), .enter]).isEmpty)
        #expect(s.tagging.palette?.error == "choose a category first (Esc closes without saving)")
        #expect(send(&s, [.escape]).isEmpty && s.tagging.palette == nil)
    }

    @Test func pickerFiltersTogglesAndNewCategoriesJoinIt() {
        var s = state()
        _ = send(&s, [.character("t"), .character("/")])
        _ = type(&s, "GRAM")
        #expect(s.tagging.palette?.field == .picker(query: "GRAM", cursor: 0))
        #expect(s.tagging.palette?.pickable(from: s.tagging.typology, query: "GRAM") == [Self.path("Fluency/Grammar")])
        _ = send(&s, [.enter, .backspace, .backspace, .backspace, .backspace, .down, .down, .enter, .escape])
        #expect(s.tagging.palette?.categories == [Self.path("Fluency/Grammar"), Self.path("Accuracy/Addition")])
        _ = send(&s, [.character("n")])
        _ = type(&s, "Fluency/ Wordiness")
        _ = send(&s, [.enter])
        #expect(s.tagging.palette?.categories.last == Self.path("Fluency/Wordiness") && s.tagging.palette?.field == TagPalette.Field.none)
        _ = send(&s, [.character("n")])
        _ = type(&s, "Fluency//x")
        _ = send(&s, [.enter])
        #expect(s.tagging.palette?.error?.hasPrefix("'Fluency//x' is not a category path") == true)
        _ = send(&s, [.escape, .character("/")])
        _ = type(&s, "wordi")
        #expect(s.tagging.palette?.pickable(from: s.tagging.typology, query: "wordi") == [Self.path("Fluency/Wordiness")])
    }

    @Test func systemAndSeverityCycle() {
        var s = state(tags: [stored(9, "1", ["Fluency"], system: "lr")])
        _ = send(&s, [.character("t"), .tab])
        #expect(s.tagging.palette?.system == "lr" && s.tagging.palette?.replacing == 9 && s.tagging.palette?.categories == [Self.path("Fluency")])
        _ = send(&s, [.tab])
        #expect(s.tagging.palette?.system == nil && s.tagging.palette?.replacing == nil)
        _ = send(&s, [.tab, .character("!"), .character("!"), .character("!")])
        #expect(s.tagging.palette?.system == "bert" && s.tagging.palette?.severity == nil)
    }

    @Test func taggingFromTheDetailOverlayAndDeleting() {
        var s = state(tags: [stored(5, "3", ["Accuracy"])])
        _ = send(&s, [.down, .down, .enter, .character("t")])
        #expect(s.overlay == .detail(DetailState(row: 2)) && s.tagging.palette?.instance == "3")
        #expect(send(&s, [.delete]) == [.tagging(.delete(5))])
        #expect(s.tagging.palette == nil && s.overlay == .detail(DetailState(row: 2)))
    }

    @Test func nothingOpensBeforeTheStoreAnswers() {
        var s = AppState.settled(analysis: analysis, width: 120, height: 40, annotator: "ana")
        #expect(send(&s, [.character("t")]).isEmpty)
        #expect(s.tagging.palette == nil && s.message?.isError == true)
        _ = step(&s, .tagging(.unavailable("file is not a database")))
        _ = send(&s, [.character("t")])
        #expect(s.message == .init(text: "tags unavailable: file is not a database", isError: true))
    }

    @Test func nextUntaggedSkipsRowsThisAnnotatorTagged() {
        var s = state(tags: [stored(1, "2", ["Accuracy"]), stored(2, "3", ["Accuracy"], by: "bo"), stored(3, "4", ["Fluency"], system: "lr")])
        _ = send(&s, [.character("w")])
        #expect(s.tableCursor == 2)  // instance 3: tagged only by bo
        _ = send(&s, [.character("w")])
        #expect(s.tableCursor == 4)
        _ = send(&s, [.character("G"), .character("w")])
        #expect(s.tableCursor == 0)  // wraps round
    }

    @Test func theQueueIsWalkedInItsOrderWithProgress() {
        var s = state(tags: [stored(1, "5", ["Accuracy"])])
        _ = send(&s, [.character(":")])
        _ = type(&s, #"slice genre == "drama""#)
        _ = send(&s, [.enter])
        let queue = WorkQueue(name: "sample", seed: 1, items: [.init(instance: "5", system: "bert"), .init(instance: "8", system: "bert"), .init(instance: "2", system: "bert")])
        _ = step(&s, .tagging(.queue(queue)))
        #expect(s.message?.text == "work queue sample: 1 / 3 tagged · w: next untagged")
        // Instance 8 is a horror review: outside the filter, so the filter goes.
        _ = send(&s, [.character("w")])
        #expect(s.filter == nil && s.rows[s.tableCursor] == 7)
        #expect(statusLine(s).contains("8: next untagged of sample · 1 / 3 tagged"))
        _ = send(&s, [.character("j")])
        #expect(statusLine(s).contains("sample: 1 / 3 tagged"))
        _ = step(&s, .tagging(.saved(stored(2, "8", ["Fluency"]), Self.typology)))
        _ = send(&s, [.character("w")])
        #expect(s.rows[s.tableCursor] == 1)
        #expect(s.tagging.progress?.tagged == 2)
        _ = send(&s, [.character("t")])
        #expect(s.tagging.palette?.system == "bert")
    }

    @Test func undoRedoAndCategoryCommandsAreEffects() {
        var s = state()
        #expect(send(&s, [.character("u")]) == [.tagging(.undo)])
        #expect(send(&s, [.character("U")]) == [.tagging(.redo)])
        #expect(send(&s, [.control("r")]) == [.tagging(.redo)])
        func command(_ text: String) -> [Effect] {
            _ = send(&s, [.character(":")])
            return type(&s, text) + send(&s, [.enter])
        }
        #expect(command(#"rename Accuracy "Adequacy problems""#) == [.tagging(.rename(Self.path("Accuracy"), to: "Adequacy problems"))])
        #expect(command("merge Accuracy/Addition Accuracy/Omission") == [.tagging(.merge(Self.path("Accuracy/Addition"), into: Self.path("Accuracy/Omission")))])
        #expect(command("move Fluency/Grammar /") == [.tagging(.move(Self.path("Fluency/Grammar"), under: nil))])
        #expect(command("move Fluency/Grammar Accuracy") == [.tagging(.move(Self.path("Fluency/Grammar"), under: Self.path("Accuracy")))])
        #expect(command("merge Accuracy").isEmpty && s.message?.text == "usage: :merge PATH INTO")
        #expect(command("queue old") == [.tagging(.loadQueue("old"))])
        _ = step(&s, .tagging(.changed("undone: add tag", Self.typology, [stored(1, "1", ["Accuracy"])])))
        #expect(s.message?.text == "undone: add tag" && s.tagging.tags.count == 1)
    }

    @Test func commandWordsKeepQuotedSpaces() {
        #expect(commandWords(#"  "Locale convention/Date format"  Dates "#) == ["Locale convention/Date format", "Dates"])
        #expect(commandWords(#"a "" b"#) == ["a", "", "b"])
    }
}

extension TaggingUpdateTests {
    @Test func theSliceLanguageSeesEachCommittedTag() {
        var s = state()
        _ = send(&s, [.character(":")])
        _ = type(&s, "slice not tagged()")
        _ = send(&s, [.enter, .character(":")])
        _ = type(&s, "by tags(bert)")
        _ = send(&s, [.enter, .down])
        #expect(s.rows.count == 10 && s.tableCursor == 1)
        _ = step(&s, .tagging(.saved(stored(1, "2", ["Accuracy/Omission"]), Self.typology)))
        // The tagged row leaves the filter; the cursor stays in place, on the next row.
        #expect(s.rows == [0, 2, 3, 4, 5, 6, 7, 8, 9] && s.tableCursor == 1)
        #expect(s.message?.text == "saved 2 (bert): Accuracy/Omission")
        #expect(s.sidebar.contains { $0.label == "tags(bert): 1 slices" })
        _ = step(&s, .tagging(.changed("undone: add tag", Self.typology, [])))
        #expect(s.rows.count == 10)
    }

    @Test func openingResumesTheQueueSavedLast() {
        var s = AppState.settled(analysis: analysis, width: 120, height: 40, annotator: "ana")
        let queue = WorkQueue(name: "errors", seed: 1, items: [.init(instance: "2", system: "bert"), .init(instance: "5", system: "bert")])
        let effects = step(&s, .tagging(.opened(Self.typology, [stored(1, "5", ["Fluency"])], queue: queue)))
        #expect(effects.isEmpty)
        #expect(s.tagging.queue == queue)
        #expect(s.message?.text == "resumed work queue errors: 1 / 2 tagged · w: next untagged")
        _ = send(&s, [.character("w")])
        #expect(s.analysis.dataset.ids[s.rows[s.tableCursor]] == "2")
    }
}
