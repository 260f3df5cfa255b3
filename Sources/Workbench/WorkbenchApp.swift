import ErrataCore
import Foundation
import TerminalUI

/// The run loop: terminal events in, `update`, effects off-thread, `render`, draw the diff.
public enum WorkbenchApp {
    /// At most this many waiting events are applied before the next frame is drawn, so a
    /// long paste still shows progress.
    static let burst = 1024

    /// How the workbench ended.
    public enum Exit: Sendable, Equatable {
        case quit
        /// `:open`: the dataset to open next (nil: the start screen).
        case open(String?)
    }

    /// Runs until the user quits (the backend is shut down, the terminal restored) or opens
    /// another dataset (the backend stays open for the next screen).
    /// `annotator` names the tags made here (`Annotator.name`).
    /// `explainer` explains the systems the dataset declares a model for (nil: none).
    @discardableResult
    public static func run(analysis: Analysis, backend: TerminalBackend, keymap: Keymap = .standard, annotator: String,
                           explainer: (any Explaining)? = nil) -> Exit {
        let inbox = Inbox()
        let runner = EffectRunner(analysis: analysis, tags: TagSession(dataset: analysis.dataset), explainer: explainer) { inbox.post($0) }
        var state = AppState(analysis: analysis, width: backend.size.width, height: backend.size.height, annotator: annotator)
        state.colors = backend.capabilities.colors
        // The tags, the sidebar and the models are read off the UI thread: the first frame
        // waits for none of them.
        runner.perform(.tagging(.open))
        for effect in state.startEffects(explaining: explainer != nil) { runner.perform(effect) }
        let renderer = FrameRenderer(backend: backend)
        var changed = true
        while true {
            if changed {
                // Draw only after something happened; only changed cells reach the terminal.
                var buffer = renderer.makeBuffer()
                render(state, into: &buffer, keymap: keymap)
                renderer.render(buffer)
            }
            var messages = inbox.drain()
            if let event = backend.nextEvent(timeout: messages.isEmpty ? .milliseconds(100) : .zero) {
                messages.append(.event(event))
                // The rest of a burst (a paste arrives as one key per character) joins this
                // frame: a 30,000-character paste drew 30,000 frames, half a minute of work.
                while messages.count < WorkbenchApp.burst, let next = backend.nextEvent(timeout: .zero) {
                    messages.append(.event(next))
                }
            }
            changed = !messages.isEmpty
            for message in messages {
                for effect in update(&state, message, keymap: keymap) {
                    switch effect {
                    case .quit:
                        runner.finish()
                        backend.shutdown()
                        return .quit
                    case .open(let target):
                        runner.perform(.cancel(state.jobs.map(\.id)))
                        runner.finish()
                        return .open(target)
                    default: break
                    }
                    runner.perform(effect)
                }
            }
        }
    }
}

/// Messages posted by effects from other threads, collected by the run loop.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Msg] = []

    func post(_ message: Msg) {
        lock.withLock { messages.append(message) }
    }

    func drain() -> [Msg] {
        lock.withLock {
            defer { messages.removeAll() }
            return messages
        }
    }
}
