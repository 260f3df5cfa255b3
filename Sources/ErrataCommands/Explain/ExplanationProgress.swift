import Foundation

/// The progress line of one long explanation on standard error (`errata attribute
/// --instance`): the share of the evaluations done and the time left at the rate so far.
/// Drawn on a terminal only, from the first second on, so quick explanations print nothing.
final class ExplanationProgress {
    let method: String
    private let start = Date()
    private let interactive: Bool
    private var shownPercent = -1

    init(method: String, interactive: Bool = isatty(STDERR_FILENO) == 1) {
        self.method = method
        self.interactive = interactive
    }

    func show(_ fraction: Double) {
        let elapsed = Date().timeIntervalSince(start)
        let percent = Int(fraction * 100)
        guard interactive, elapsed >= 1, percent != shownPercent else { return }
        shownPercent = percent
        ReportWriter.writeError(Self.line(method: method, fraction: fraction, elapsed: elapsed))
    }

    /// The line drawn for `fraction` of the evaluations done after `elapsed` seconds: the
    /// percentage, and the time left at the rate so far while the run is neither at its start
    /// nor done.
    static func line(method: String, fraction: Double, elapsed: Double) -> String {
        var line = "\rerrata: \(method) \(Int(fraction * 100))% of the evaluations"
        if fraction > 0, fraction < 1 {
            line += ", about " + Precomputation.Progress.duration(elapsed / fraction * (1 - fraction)) + " left"
        }
        return line + "   "
    }

    func finish() {
        if shownPercent >= 0 { ReportWriter.writeError("\n") }
    }
}
