import Foundation

/// A regular expression run with a bound on its work and a way to stop it.
///
/// ICU (behind `NSRegularExpression`) backtracks: `(a+)+$` on thirty `a`s and a `b` takes 2^30
/// steps, and such a pattern once held the command line for 11 minutes. With
/// `.reportProgress` ICU calls back while it works; how often depends on the platform (on
/// Linux several times for every ordinary text, so counting calls cannot stand for steps).
/// Each call therefore reads the clock: the search stops with `RegexSearch.Stop` once one
/// text has taken `perTextBudget` or the whole evaluation `totalBudget`, or as soon as
/// `isCancelled` says so (the workbench's `Esc`). Ordinary patterns take microseconds a text.
struct RegexSearch {
    /// The time one text may take: far beyond any pattern that does not backtrack without end.
    static let perTextBudget: UInt64 = 1_000_000_000
    /// The time one evaluation may take over all its texts (a million texts take seconds).
    static let totalBudget: UInt64 = 60_000_000_000

    enum Stop: Error, Equatable {
        /// The pattern needed more than the budget on the last text.
        case tooMuchWork
        case cancelled
    }

    static let budgetDescription = "\(perTextBudget / 1_000_000_000) s on one text or \(totalBudget / 1_000_000_000) s in all"

    let regex: NSRegularExpression
    let isCancelled: () -> Bool
    private var used: UInt64 = 0

    init(_ regex: NSRegularExpression, isCancelled: @escaping () -> Bool) {
        self.regex = regex
        self.isCancelled = isCancelled
    }

    /// Whether `text` holds a match.
    mutating func matches(_ text: String) throws(Stop) -> Bool {
        if isCancelled() { throw .cancelled }
        var found = false, stop: Stop?
        let started = DispatchTime.now().uptimeNanoseconds
        let before = used
        let isCancelled = self.isCancelled
        regex.enumerateMatches(in: text, options: [.reportProgress], range: NSRange(text.startIndex..., in: text)) { match, _, halt in
            if match != nil {
                found = true
                halt.pointee = true
                return
            }
            let elapsed = DispatchTime.now().uptimeNanoseconds - started
            if isCancelled() {
                stop = .cancelled
            } else if elapsed > Self.perTextBudget || before + elapsed > Self.totalBudget {
                stop = .tooMuchWork
            }
            if stop != nil { halt.pointee = true }
        }
        used = before + (DispatchTime.now().uptimeNanoseconds - started)
        if let stop { throw stop }
        return found
    }
}
