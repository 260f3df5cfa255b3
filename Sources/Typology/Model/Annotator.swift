import Foundation

/// Who is tagging: the same rule for the workbench and the command line.
public enum Annotator {
    /// `option` (from `--annotator`), else `$ERRATA_ANNOTATOR`, else `$USER`, else "anonymous".
    public static func name(option: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        for candidate in [option, environment["ERRATA_ANNOTATOR"], environment["USER"]] {
            if let candidate, !candidate.trimmingCharacters(in: .whitespaces).isEmpty { return candidate }
        }
        return "anonymous"
    }
}
