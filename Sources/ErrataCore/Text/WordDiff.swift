/// A word-level diff of an output against a reference, for showing where a translation
/// departs from it: the longest common subsequence of whitespace-separated words.
public enum WordDiff {
    public enum Part: Sendable, Equatable {
        case same(String)
        /// In the output only.
        case inserted(String)
        /// In the reference only.
        case deleted(String)
    }

    /// The parts in reading order; deletions come before the insertions that replace them.
    /// - Complexity: O(n × m) in the word counts.
    public static func diff(output: String, reference: String) -> [Part] {
        let a = output.split(whereSeparator: \.isWhitespace).map(String.init)
        let b = reference.split(whereSeparator: \.isWhitespace).map(String.init)
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var parts: [Part] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                parts.append(.same(a[i])); i += 1; j += 1
            } else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] {
                parts.append(.deleted(b[j])); j += 1
            } else {
                parts.append(.inserted(a[i])); i += 1
            }
        }
        return parts
    }
}
