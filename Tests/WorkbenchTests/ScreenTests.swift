import ErrataCore
import ErrataTestSupport
import TerminalUI
import Testing
@testable import Workbench

/// Golden screens of every view at 80×24 and 120×40: text plus style legend.
@Suite struct ScreenTests {
    static let reviews = Result { Analysis(dataset: try Fixtures.reviewsDataset()) }
    /// A copy of the demo, so that saved slices in the repository's `Datasets/.errata/` (the
    /// README's tour writes one) never reach the golden screens.
    static let wmt = Result {
        Analysis(dataset: try DatasetLoader.load(try Fixtures.demoCopy().1))
    }
    static let sizes = [(80, 24), (120, 40)]

    func screen(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        render(state, into: &buffer)
        return buffer
    }

    func keys(_ state: inout AppState, _ keys: [Key]) {
        for key in keys { _ = step(&state, .event(.key(key))) }
    }

    func typed(_ text: String) -> [Key] { text.map { Key.character($0) } }

    @Test(arguments: sizes) func browse(width: Int, height: Int) throws {
        var state = AppState.settled(analysis: try Self.reviews.get(), width: width, height: height)
        keys(&state, [.down, .down])
        assertSnapshot(screen(state), named: "browse-\(width)x\(height)")
    }

    @Test(arguments: sizes) func sidebarFilter(width: Int, height: Int) throws {
        var state = AppState.settled(analysis: try Self.reviews.get(), width: width, height: height)
        keys(&state, [.tab, .down, .down, .enter])
        assertSnapshot(screen(state), named: "sidebar-filter-\(width)x\(height)")
    }

    @Test(arguments: sizes) func help(width: Int, height: Int) throws {
        var state = AppState.settled(analysis: try Self.reviews.get(), width: width, height: height)
        keys(&state, [.character("?")])
        assertSnapshot(screen(state), named: "help-\(width)x\(height)")
    }

    @Test(arguments: sizes) func commandLineError(width: Int, height: Int) throws {
        var state = AppState.settled(analysis: try Self.reviews.get(), width: width, height: height)
        keys(&state, [.character(":")] + typed("slice genre = 1") + [.enter, .character(":")] + typed("sort delt"))
        assertSnapshot(screen(state), named: "command-line-\(width)x\(height)")
    }

    /// A 30,000-character command once froze the workbench: the line shows its end only.
    @Test func longCommandLineShowsTheWindowAtTheCursor() throws {
        var state = AppState(analysis: try Self.reviews.get(), width: 80, height: 24)
        keys(&state, [.character(":")])
        state.input?.field.insert(String(repeating: "slice ", count: 5_000))
        keys(&state, typed("end"))
        let buffer = screen(state)
        let row = (0 ..< 80).map { buffer[$0, 23].text }.joined()
        #expect(row == ":" + String(String(repeating: "slice ", count: 5_000).suffix(75)) + "end ")
        #expect(buffer[79, 23].style == Theme.selected && buffer[78, 23].style == Style())
    }

    @Test(arguments: sizes) func detailWithWordDiff(width: Int, height: Int) throws {
        var state = AppState.settled(analysis: try Self.wmt.get(), width: width, height: height)
        keys(&state, [.character("j"), .enter])
        assertSnapshot(screen(state), named: "detail-wmt-\(width)x\(height)")
    }

    @Test(arguments: sizes) func compare(width: Int, height: Int) throws {
        let analysis = try Self.wmt.get()
        var state = AppState.settled(analysis: analysis, width: width, height: height)
        keys(&state, [.character(":")] + typed("by tokens(reference) > 25") + [.enter])
        step(&state, .event(.key(.character("c"))))
        assertSnapshot(screen(state), named: "compare-wmt-\(width)x\(height)")
    }

    @Test func tooSmallShowsAMessage() throws {
        let state = AppState.settled(analysis: try Self.reviews.get(), width: 30, height: 8)
        assertSnapshot(screen(state), named: "too-small-30x8")
    }

    @Test func everySizeDrawsWithoutTrapping() throws {
        let analysis = try Self.wmt.get()
        for width in stride(from: 1, through: 130, by: 7) {
            for height in stride(from: 1, through: 45, by: 4) {
                var state = AppState.settled(analysis: analysis, width: width, height: height)
                for overlay: AppState.Overlay? in [nil, .help(.browse, back: nil), .detail(DetailState(row: 0)),
                                                  .compare(CompareState(page: .slices)), .compare(CompareState(page: .ranking))] + ExplainScreenTests.overlays {
                    state.overlay = overlay
                    _ = screen(state)
                }
            }
        }
    }
}

@Suite struct LoadingScreenTests {
    @Test func progressBar() {
        var buffer = ScreenBuffer(width: 80, height: 24)
        LoadingScreen(title: "/data/big.csv", fraction: 0.42, activity: "reading big.csv").render(into: &buffer)
        assertSnapshot(buffer, named: "loading-80x24")
    }
}
