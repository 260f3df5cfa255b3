import ErrataCore
import ErrataTestSupport
import TerminalUI
import Testing
@testable import Workbench

@Suite struct RunLoopTests {
    /// A paste arrives as one key per character; the loop applies the waiting keys together
    /// instead of drawing a frame for each.
    @Test func aPasteIsDrawnInAFewFramesNotOnePerKey() throws {
        let analysis = Analysis(dataset: try Fixtures.reviewsDataset())
        let pasted = String(repeating: "slice ", count: 500)
        let backend = TestBackend(width: 80, height: 24, events: [.key(.character(":"))] + pasted.map { .key(.character($0)) })
        // Closes the line and quits once the paste is in.
        backend.pendingEvents += [.key(.escape), .key(.character("q"))]
        WorkbenchApp.run(analysis: analysis, backend: backend, annotator: "test")
        #expect(backend.isShutDown)
        #expect(backend.drawnFrames.count < 10, "\(backend.drawnFrames.count) frames for \(pasted.count + 3) keys")
    }
}
