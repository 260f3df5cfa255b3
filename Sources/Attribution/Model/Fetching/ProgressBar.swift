import Foundation

/// A one-line download progress bar on standard error. On a terminal it redraws in place;
/// otherwise (CI logs) it prints a line every 10%.
struct ProgressBar: Sendable {
    let label: String
    let total: Int
    private let interactive = isatty(STDERR_FILENO) == 1

    init(label: String, total: Int) {
        self.label = label
        self.total = total
    }

    /// Whether bars are drawn: not while a full-screen program owns the terminal, where a
    /// line on standard error would land in the middle of its frame.
    static let enabled = Switch()

    /// Who else hears of the progress (the workbench's status bar), as a fraction done.
    static let observer = Observer()

    /// Draws the bar for `done` bytes if it moved since `previous` bytes.
    func update(done: Int, previous: Int) {
        Self.observer.notify(min(Double(done) / Double(max(total, 1)), 1))
        guard Self.enabled.isOn else { return }
        let step = interactive ? max(total / 200, 1) : max(total / 10, 1)
        guard done / step != previous / step || done == total else { return }
        let fraction = min(Double(done) / Double(max(total, 1)), 1)
        let width = 30, filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let text = String(format: "%@ [%@] %5.1f / %.1f MB", label, bar, Double(done) / 1e6, Double(total) / 1e6)
        FileHandle.standardError.write(Data(((interactive ? "\r" : "") + text + (interactive && done < total ? "" : "\n")).utf8))
    }
}

/// A progress callback shared between threads, set for the length of one fetch.
final class Observer: @unchecked Sendable {
    private let lock = NSLock()
    private var handler: (@Sendable (Double) -> Void)?

    func notify(_ fraction: Double) { lock.withLock { handler }?(fraction) }
    func set(_ handler: (@Sendable (Double) -> Void)?) { lock.withLock { self.handler = handler } }
}

/// A flag shared between threads.
final class Switch: @unchecked Sendable {
    private let lock = NSLock()
    private var on = true

    var isOn: Bool { lock.withLock { on } }
    func set(_ value: Bool) { lock.withLock { on = value } }
}
