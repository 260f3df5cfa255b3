/// Word-level Levenshtein distance restricted to a band around the length-scaled diagonal, the edit
/// distance inside TER (Snover et al. 2006) as sacrebleu 2.6.0 computes it.
///
/// The band is part of the definition, not only a speed-up: on very uneven pairs it can make the
/// distance exceed the true Levenshtein distance, and the shift search ranks shifts by this distance,
/// so scores only agree with sacrebleu's if the band (and the tie-breaking between edit operations,
/// which fixes the alignment the shift search reads) is the same. Row i covers the columns within
/// `beamWidth` of floor(i · |reference| / |hypothesis|); the last row covers all of them.
struct BeamEditDistance {
    /// How a cell of the matrix was reached, i.e. what the alignment does with the words there.
    enum Step: UInt8 {
        /// Hypothesis and reference word aligned and equal.
        case match
        /// Hypothesis and reference word aligned but different.
        case substitution
        /// A hypothesis word aligned to nothing.
        case hypothesisOnly
        /// A reference word aligned to nothing.
        case referenceOnly
        /// Outside the band.
        case unreachable
    }

    /// The full matrix for one hypothesis: costs and steps, row-major, `reference.count + 1` columns.
    struct Matrix {
        let columnCount: Int
        var costs: [Int]
        var steps: [Step]

        var distance: Int { costs[costs.count - 1] }

        /// The steps from the top-left corner to the bottom-right one, following the recorded steps back.
        func path(rows: Int) -> [Step] {
            var path: [Step] = []
            var row = rows - 1, column = columnCount - 1
            while row > 0 || column > 0 {
                let step = steps[row * columnCount + column]
                path.append(step)
                switch step {
                case .match, .substitution: row -= 1; column -= 1
                case .hypothesisOnly: row -= 1
                case .referenceOnly: column -= 1
                case .unreachable: preconditionFailure("edit path left the band")
                }
            }
            return path.reversed()
        }
    }

    /// sacrebleu's stand-in for infinity, kept numerically so that costs add up as they do there.
    static let infinity = 10_000_000_000_000_000
    private static let beamWidth = 25

    let reference: [UInt32]
    private let lengthRatio: Double
    private let beamWidth: Int

    /// A distance for hypotheses of `hypothesisLength` words (every shifted hypothesis has the same
    /// length, so the band is fixed for a whole TER computation).
    init(reference: [UInt32], hypothesisLength: Int) {
        self.reference = reference
        lengthRatio = hypothesisLength > 0 ? Double(reference.count) / Double(hypothesisLength) : 1
        // Very uneven lengths widen the band so that consecutive rows still overlap.
        beamWidth = Double(Self.beamWidth) < lengthRatio / 2
            ? Int((lengthRatio / 2 + Double(Self.beamWidth)).rounded(.up)) : Self.beamWidth
    }

    /// The full matrix of `hypothesis`, with the steps needed to recover the alignment.
    func matrix(of hypothesis: [UInt32]) -> Matrix {
        let columnCount = reference.count + 1
        var matrix = Matrix(
            columnCount: columnCount,
            costs: Array(repeating: Self.infinity, count: (hypothesis.count + 1) * columnCount),
            steps: Array(repeating: .unreachable, count: (hypothesis.count + 1) * columnCount))
        for column in 0..<columnCount {
            matrix.costs[column] = column
            matrix.steps[column] = .referenceOnly
        }
        for row in stride(from: 1, through: hypothesis.count, by: 1) {
            let above = (row - 1) * columnCount, here = row * columnCount
            for column in columns(row: row, of: hypothesis.count) {
                if column == 0 {
                    matrix.costs[here] = matrix.costs[above] + 1
                    matrix.steps[here] = .hypothesisOnly
                    continue
                }
                let equal = hypothesis[row - 1] == reference[column - 1]
                // Ties prefer the diagonal, then a hypothesis-only word, then a reference-only word.
                var cost = Self.infinity, step = Step.unreachable
                func consider(_ candidateCost: Int, _ candidateStep: Step) {
                    if candidateCost < cost { cost = candidateCost; step = candidateStep }
                }
                consider(matrix.costs[above + column - 1] + (equal ? 0 : 1), equal ? .match : .substitution)
                consider(matrix.costs[above + column] + 1, .hypothesisOnly)
                consider(matrix.costs[here + column - 1] + 1, .referenceOnly)
                matrix.costs[here + column] = cost
                matrix.steps[here + column] = step
            }
        }
        return matrix
    }

    /// The distance of `hypothesis`, whose first `sharedPrefix` words equal those of the hypothesis
    /// `base` was computed for: rows up to `sharedPrefix` depend only on those words, so they are reused.
    func distance(of hypothesis: [UInt32], reusing base: Matrix, sharedPrefix: Int) -> Int {
        let columnCount = reference.count + 1
        guard sharedPrefix < hypothesis.count else { return base.distance }
        var previous = Array(base.costs[(sharedPrefix * columnCount)..<((sharedPrefix + 1) * columnCount)])
        var current = [Int](repeating: Self.infinity, count: columnCount)
        for row in (sharedPrefix + 1)...hypothesis.count {
            for column in 0..<columnCount { current[column] = Self.infinity }
            for column in columns(row: row, of: hypothesis.count) {
                if column == 0 {
                    current[0] = previous[0] + 1
                } else {
                    let substitution = hypothesis[row - 1] == reference[column - 1] ? 0 : 1
                    current[column] = min(
                        current[column], previous[column - 1] + substitution,
                        previous[column] + 1, current[column - 1] + 1)
                }
            }
            swap(&previous, &current)
        }
        return previous[columnCount - 1]
    }

    /// The band of row `row`: columns near its pseudo-diagonal, or all of them in the last row.
    private func columns(row: Int, of rowCount: Int) -> Range<Int> {
        let diagonal = Int((Double(row) * lengthRatio).rounded(.down))
        let lower = max(0, diagonal - beamWidth)
        let upper = row == rowCount ? reference.count + 1 : min(reference.count + 1, diagonal + beamWidth)
        return lower..<max(lower, upper)
    }
}
