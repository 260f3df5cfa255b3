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

    /// The sample standard deviation (n − 1 in the denominator) per coordinate; nil below two
    /// samples.
    var standardDeviations: [Double]? {
        guard count >= 2 else { return nil }
        return squaredDeviations.map { ($0 / Double(count - 1)).squareRoot() }
    }

    /// The standard error of the mean, sd / √n, per coordinate; nil below two samples.
    var standardErrors: [Double]? {
        let root = Double(count).squareRoot()
        return standardDeviations?.map { $0 / root }
    }
}
