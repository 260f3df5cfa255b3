/// Running means and variances of a vector-valued sample, one coordinate per player.
///
/// Welford's update (Welford 1962) is used instead of sums of squares, which lose every
/// significant digit when the spread of the contributions is small next to their mean.
struct RunningMoments: Sendable {
    private(set) var count = 0
    private(set) var mean: [Double]
    private var squaredDeviations: [Double]

    init(dimension: Int) {
        mean = Array(repeating: 0, count: dimension)
        squaredDeviations = Array(repeating: 0, count: dimension)
    }

    /// - Complexity: O(dimension).
    mutating func add(_ sample: [Double]) {
        count += 1
        let n = Double(count)
        for i in mean.indices {
            let deviation = sample[i] - mean[i]
            mean[i] += deviation / n
            squaredDeviations[i] += deviation * (sample[i] - mean[i])
        }
    }

    /// sd / √n per coordinate with the unbiased sd; nil below two samples.
    var standardErrors: [Double]? {
        guard count >= 2 else { return nil }
        let n = Double(count)
        return squaredDeviations.map { ($0 / (n - 1) / n).squareRoot() }
    }
}
