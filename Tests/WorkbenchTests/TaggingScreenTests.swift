import ErrataCore
import ErrataTestSupport
import TerminalUI
import Testing
import Typology
@testable import Workbench

/// Golden screens of the tagging views at 80×24 and at a small terminal (50×14).
extension ScreenTests {
    static let taggingSizes = [(80, 24), (50, 14)]

    func tagged(width: Int, height: Int) throws -> AppState {
        var state = AppState.settled(analysis: try ScreenTests.reviews.get(), width: width, height: height, annotator: "ana")
        let tags = [
            StoredTag(id: 1, tag: Tag(instance: "5", system: "bert", categories: [CategoryPath("Accuracy/Omission")!], severity: "major",
                                      note: "misses the irony", annotator: "ana", time: "2026-01-01T00:00:00.000Z")),
            StoredTag(id: 2, tag: Tag(instance: "5", system: "bert", categories: [CategoryPath("Fluency/Grammar")!],
                                      annotator: "bo", time: "2026-01-01T00:00:01.000Z")),
        ]
        _ = step(&state, .tagging(.opened(TaggingUpdateTests.typology, tags, queue: nil)))
        return state
    }

    @Test(arguments: taggingSizes) func palette(width: Int, height: Int) throws {
        var state = try tagged(width: width, height: height)
        keys(&state, [.down, .character("t"), .character("o"), .character("1"), .character("!"), .character("\"")] + typed("drops the negation"))
        assertSnapshot(screen(state), named: "tag-palette-\(width)x\(height)")
    }

    @Test(arguments: taggingSizes) func picker(width: Int, height: Int) throws {
        var state = try tagged(width: width, height: height)
        keys(&state, [.character("t"), .character("o"), .character("/")] + typed("a") + [.down, .down])
        assertSnapshot(screen(state), named: "tag-picker-\(width)x\(height)")
    }

    @Test func paletteKeys() throws {
        var state = try tagged(width: 80, height: 24)
        keys(&state, [.character("t"), .character("?")])
        assertSnapshot(screen(state), named: "tag-palette-keys-80x24")
    }

    @Test func tagsInTheTableAndTheDetail() throws {
        var state = try tagged(width: 80, height: 24)
        assertSnapshot(screen(state), named: "tags-table-80x24")
        keys(&state, [.character(":")] + typed("5") + [.enter, .enter])
        assertSnapshot(screen(state), named: "tags-detail-80x24")
    }

    @Test func everySizeDrawsTheTaggingViewsWithoutTrapping() throws {
        for width in stride(from: 1, through: 130, by: 7) {
            for height in stride(from: 1, through: 45, by: 4) {
                var state = try tagged(width: width, height: height)
                state.tagging.palette = TagPalette(instance: "5", system: "bert", existing: state.tagging.tags.first)
                for field: TagPalette.Field in [.none, .note, .newCategory("Fluency/Wordiness"), .picker(query: "", cursor: 3)] {
                    state.tagging.palette?.field = field
                    state.tagging.palette?.error = "not saved: database is locked"
                    _ = screen(state)
                }
                state.tagging.palette?.field = .none
                state.tagging.palette?.showsKeys = true
                _ = screen(state)
                state.tagging.palette = nil
                step(&state, .event(.key(.character("T"))))
                _ = screen(state)
            }
        }
    }
}
