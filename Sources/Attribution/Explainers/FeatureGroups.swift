/// Input dimensions grouped into players: a token is the block of its embedding dimensions.
///
/// Gradient attributions are per dimension; a reader wants one score per token, which for
/// Integrated Gradients is the sum over the token's dimensions (completeness then holds per
/// token as it does per dimension).
public struct FeatureGroups: Sendable, Equatable {
    /// The dimensions of each group; together they partition 0 ..< dimension.
    public let ranges: [Range<Int>]

    /// Groups given by ranges, which must cover `0 ..< dimension` without overlap, in order.
    public init(_ ranges: [Range<Int>], dimension: Int) throws {
        var next = 0
        for range in ranges {
            guard range.lowerBound == next, !range.isEmpty else {
                throw AttributionError.invalidArgument("groups must be non-empty, in order, and cover every dimension once")
            }
            next = range.upperBound
        }
        guard next == dimension else {
            throw AttributionError.invalidArgument("groups cover \(next) dimensions, the input has \(dimension)")
        }
        self.ranges = ranges
    }

    /// `count` tokens of `width` embedding dimensions each, laid out token after token.
    public static func tokens(count: Int, width: Int) throws -> FeatureGroups {
        guard width > 0 else { throw AttributionError.invalidArgument("an embedding needs at least one dimension") }
        return try FeatureGroups((0 ..< count).map { $0 * width ..< ($0 + 1) * width }, dimension: count * width)
    }

    /// One group per dimension.
    public static func singletons(_ dimension: Int) throws -> FeatureGroups {
        try FeatureGroups((0 ..< dimension).map { $0 ..< $0 + 1 }, dimension: dimension)
    }

    /// The dimension the groups cover.
    public var dimension: Int { ranges.last?.upperBound ?? 0 }

    /// The sum of `values` over each group.
    public func sums(_ values: [Double]) -> [Double] {
        ranges.map { values[$0].reduce(0, +) }
    }

    /// The Euclidean norm of `values` over each group.
    public func norms(_ values: [Double]) -> [Double] {
        ranges.map { values[$0].reduce(0) { $0 + $1 * $1 }.squareRoot() }
    }
}
