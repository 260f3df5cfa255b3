import Attribution
import ErrataCore
import Foundation

/// Exact Shapley values enumerate 2^M coalitions: beyond 14 players that is minutes to hours
/// of the transformer, so `errata attribute --method exact` says how long first and asks on a
/// terminal, and refuses elsewhere unless `--yes` is given.
enum ExactConfirmation {
    /// Returns when `cost` needs no confirmation or the user agrees; throws otherwise.
    static func confirm(_ cost: ExactCost, interactive: Bool = isatty(STDIN_FILENO) == 1,
                        readAnswer: () -> String? = { readLine() }) throws {
        guard cost.needsConfirmation else { return }
        let estimate = "exact Shapley values for \(cost.players) players need \(grouped(cost.evaluations)) model evaluations, "
            + "about \(Precomputation.Progress.duration(cost.seconds)) on this machine"
        guard interactive else {
            throw AnalysisError("\(estimate); pass --yes to run them, or use --method shap (sampled, with standard errors)")
        }
        ReportWriter.writeError("errata: \(estimate). Continue? [y/N] ")
        let answer = readAnswer()?.trimmingCharacters(in: .whitespaces).lowercased()
        guard answer == "y" || answer == "yes" else {
            throw AnalysisError("stopped before \(estimate); --method shap samples them, with standard errors")
        }
    }

    /// 131072 as "131,072".
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        return String(digits.enumerated().flatMap { index, digit in
            index > 0 && (digits.count - index) % 3 == 0 ? [",", digit] : [digit]
        })
    }
}
