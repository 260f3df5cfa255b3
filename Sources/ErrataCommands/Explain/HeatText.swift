import Attribution
import ErrataCore
import Foundation

/// An explanation for the terminal: the text with each token's background coloured by its
/// score (green for the target, red against, stronger for larger), then a table of scores
/// and, when asked for, the faithfulness curve.
/// Colour only where standard output is a terminal and `NO_COLOR` is unset.
enum HeatText {
    static var colour: Bool {
        isatty(STDOUT_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    static func render(_ e: Explanation) -> String {
        let top = e.scores.map(abs).max() ?? 0
        var text = "\(e.method) for '\(e.target)' (\(e.output)), prediction \(e.prediction) "
            + e.probabilities.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.3f", $0.value))" }.joined(separator: ", ") + "\n"
        text += e.tokens.enumerated().map { i, token in
            guard colour, top > 0 else { return token.text }
            let strength = min(5, Int((abs(e.scores[i]) / top * 5).rounded()))
            // xterm-256 colour cube: green (0, s, 0) or red (s, 0, 0), s in 0...5.
            let code = 16 + (e.scores[i] >= 0 ? strength * 6 : strength * 36)
            return "\u{1B}[48;5;\(code)m\u{1B}[38;5;15m\(token.text)\u{1B}[0m"
        }.joined(separator: " ") + "\n\n"
        let header = ["token", "score"] + (e.se == nil ? [] : ["se"])
        let rows = e.tokens.enumerated().map { i, token in
            [token.text, String(format: "%+.5f", e.scores[i])] + (e.se.map { [String(format: "%.5f", $0[i])] } ?? [])
        }
        text += ReportWriter.table(header: header, rows: rows, rightAligned: [1, 2])
        var facts: [String] = ["value \(String(format: "%.5f", e.value))"]
        if let base = e.baseValue { facts.append("base value \(String(format: "%.5f", base))") }
        if let delta = e.delta { facts.append("delta \(String(format: "%.2e", delta))") }
        if let steps = e.steps { facts.append("\(steps) steps") }
        facts.append("\(e.evaluations) evaluations")
        if let converged = e.converged { facts.append(converged ? "converged" : "budget spent before convergence") }
        if let precision = e.precision {
            facts.append("\(precision.rawValue): f(x) off float32 by \(e.precisionError.map { String(format: "%.2e", $0) } ?? "—")")
        }
        text += facts.joined(separator: " · ") + "\n"
        guard let f = e.faithfulness else { return text }
        text += "\nfaithfulness: AOPC comprehensiveness \(String(format: "%.4f", f.aopcComprehensiveness))"
            + " · AOPC sufficiency \(String(format: "%.4f", f.aopcSufficiency))\n"
        return text + ReportWriter.table(
            header: ["top", "tokens", "comprehensiveness", "sufficiency"],
            rows: f.percentages.indices.map {
                ["\(f.percentages[$0])%", String(f.tokenCounts[$0]), String(format: "%+.4f", f.comprehensiveness[$0]),
                 String(format: "%+.4f", f.sufficiency[$0])]
            }, rightAligned: [0, 1, 2, 3])
    }
}
