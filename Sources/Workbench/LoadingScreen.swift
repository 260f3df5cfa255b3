import ErrataCore
import Foundation
import TerminalUI

/// The first screen while a dataset loads: a progress bar, so a million-line file shows the
/// workbench at once rather than a blank terminal.
public struct LoadingScreen: Sendable, Equatable {
    public var title: String
    public var fraction: Double
    public var activity: String

    public init(title: String, fraction: Double = 0, activity: String = "") {
        self.title = title
        self.fraction = fraction
        self.activity = activity
    }

    public func render(into buffer: inout ScreenBuffer) {
        buffer.fill(Rect(x: 0, y: 0, width: buffer.width, height: buffer.height))
        let width = min(60, buffer.width - 4)
        guard width >= 10, buffer.height >= 5 else {
            buffer.write("loading \(Int(fraction * 100))%", x: 0, y: 0, maxWidth: buffer.width)
            return
        }
        let rect = Rect(x: (buffer.width - width - 2) / 2, y: max(0, buffer.height / 2 - 3), width: width + 2, height: 6)
        buffer.drawBox(rect, style: Theme.focusedBorder, title: "errata")
        let inner = rect.x + 1
        buffer.write(DisplayWidth.truncate("Loading \(title)", to: width), x: inner, y: rect.y + 1, style: Theme.header)
        let filled = Int((fraction * Double(width)).rounded(.down))
        buffer.write(String(repeating: "█", count: filled), x: inner, y: rect.y + 2, style: Theme.bar)
        buffer.write(String(repeating: "░", count: width - filled), x: inner + filled, y: rect.y + 2, style: Theme.dim)
        buffer.write(DisplayWidth.truncate("\(Int((fraction * 100).rounded(.down)))% · \(activity)", to: width), x: inner, y: rect.y + 3, style: Theme.info)
        buffer.write("Esc or q cancels", x: inner, y: rect.y + 4, style: Theme.dim, maxWidth: width)
    }
}

extension WorkbenchApp {
    /// Runs `work` off the UI thread while drawing its progress; nil when the user cancels
    /// (Esc or q). The backend stays open for the workbench that follows.
    public static func load(title: String, backend: TerminalBackend,
                            work: @escaping @Sendable (@escaping LoadProgressHandler) throws -> Analysis) throws -> Analysis? {
        let shared = LoadingState(title: title)
        DispatchQueue.global(qos: .userInitiated).async {
            let result = Result { try work { fraction, activity in shared.update(fraction, activity) } }
            shared.finish(result)
        }
        let renderer = FrameRenderer(backend: backend)
        while true {
            let (screen, result) = shared.snapshot()
            if let result { return try result.get() }
            var buffer = renderer.makeBuffer()
            screen.render(into: &buffer)
            renderer.render(buffer)
            if let event = backend.nextEvent(timeout: .milliseconds(50)),
               event == .key(.escape) || event == .key(.character("q")) {
                return nil
            }
        }
    }
}

/// Progress and outcome of a load, shared between the loading thread and the UI thread.
private final class LoadingState: @unchecked Sendable {
    private let lock = NSLock()
    private var screen: LoadingScreen
    private var result: Result<Analysis, Error>?

    init(title: String) {
        screen = LoadingScreen(title: title)
    }

    func update(_ fraction: Double, _ activity: String) {
        lock.withLock {
            screen.fraction = fraction
            screen.activity = activity
        }
    }

    func finish(_ result: Result<Analysis, Error>) {
        lock.withLock { self.result = result }
    }

    func snapshot() -> (LoadingScreen, Result<Analysis, Error>?) {
        lock.withLock { (screen, result) }
    }
}
