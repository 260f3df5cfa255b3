import Foundation
import TerminalUI

extension WorkbenchApp {
    /// Shows the start screen until the user opens a dataset (its path) or quits (nil; the
    /// backend is then shut down). `details` fills in an entry's counts by reading the dataset;
    /// it runs off the UI thread, one entry after another, and the screen shows each as it
    /// comes in.
    public static func choose(_ screen: StartScreen, backend: TerminalBackend,
                              details: @escaping @Sendable (DatasetEntry) -> DatasetEntry) -> String? {
        let shared = SharedStartScreen(screen)
        let bundled = screen.bundled
        DispatchQueue.global(qos: .utility).async {
            for (i, entry) in bundled.enumerated() {
                guard !shared.isClosed else { return }
                shared.update(i, details(entry))
            }
        }
        defer { shared.close() }
        let renderer = FrameRenderer(backend: backend)
        var changed = true
        while true {
            if changed {
                var buffer = renderer.makeBuffer()
                shared.screen.render(into: &buffer)
                renderer.render(buffer)
            }
            changed = shared.takeChanged()
            guard let event = backend.nextEvent(timeout: .milliseconds(100)) else { continue }
            changed = true
            guard case .key(let key) = event else { continue }
            switch shared.handle(key) {
            case .open(let path)?: return path
            case .quit?:
                backend.shutdown()
                return nil
            case nil: break
            }
        }
    }
}

/// The start screen, shared between the UI thread and the thread counting the datasets.
private final class SharedStartScreen: @unchecked Sendable {
    private let lock = NSLock()
    private var value: StartScreen
    private var changed = false
    private var closed = false

    init(_ screen: StartScreen) {
        value = screen
    }

    var screen: StartScreen { lock.withLock { value } }
    var isClosed: Bool { lock.withLock { closed } }

    func update(_ index: Int, _ entry: DatasetEntry) {
        lock.withLock {
            value.bundled[index] = entry
            changed = true
        }
    }

    func handle(_ key: Key) -> StartScreen.Outcome? {
        lock.withLock { value.handle(key) }
    }

    func takeChanged() -> Bool {
        lock.withLock {
            defer { changed = false }
            return changed
        }
    }

    func close() { lock.withLock { closed = true } }
}
