import Foundation

/// A regular expression run with a bound on its work and a way to stop it.
///
/// ICU (behind `NSRegularExpression`) backtracks: `(a+)+$` on thirty `a`s and a `b` takes 2^30
/// steps, and such a pattern once held the command line for 11 minutes. ICU reports progress
/// about every 10,000 steps of one match (`.reportProgress`); each report is counted, and the
/// search stops with `RegexSearch.Stop` once one text has used
/// `perTextBudget` reports or the whole evaluation `totalBudget`, or as soon as `isCancelled`
/// says so (the workbench's `Esc`). Ordinary patterns finish a text within a few hundred steps
/// and never report.
struct RegexSearch {
    /// Progress reports (about 10,000 steps each) one text may take: about 20 million steps.
    static let perTextBudget = 2_000
    /// Progress reports one evaluation may take over all its texts: about 100 million steps.
    static let totalBudget = 10_000

    enum Stop: Error, Equatable {
        /// The pattern needed more than the budget on the last text.
        case tooMuchWork
        case cancelled
    }

    static let budgetDescription = "\(perTextBudget / 100) million steps on one text or \(totalBudget / 100) million in all"

    let regex: NSRegularExpression
    let isCancelled: () -> Bool
    private var reportsLeft = RegexSearch.totalBudget

    init(_ regex: NSRegularExpression, isCancelled: @escaping () -> Bool) {
        self.regex = regex
        self.isCancelled = isCancelled
    }

    /// Whether `text` holds a match.
    mutating func matches(_ text: String) throws(Stop) -> Bool {
        if isCancelled() { throw .cancelled }
        var found = false, stop: Stop?
        var reports = 0, left = reportsLeft
        let isCancelled = self.isCancelled
        regex.enumerateMatches(in: text, options: [.reportProgress], range: NSRange(text.startIndex..., in: text)) { match, _, halt in
            if match != nil {
                found = true
                halt.pointee = true
                return
            }
            reports += 1
            left -= 1
            if isCancelled() {
                stop = .cancelled
            } else if reports > Self.perTextBudget || left <= 0 {
                stop = .tooMuchWork
            }
            if stop != nil { halt.pointee = true }
        }
        reportsLeft = left
        if let stop { throw stop }
        return found
    }
}
