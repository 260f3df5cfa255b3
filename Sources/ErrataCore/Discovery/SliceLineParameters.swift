/// The knobs of the SliceLine search.
public struct SliceLineParameters: Sendable, Equatable {
    /// Weight of the error term against the size term, in (0, 1]: near 1 favours high error
    /// whatever the size, lower values favour large slices.
    public var alpha: Double
    /// How many slices to return (more when several tie with the k-th score).
    public var k: Int
    /// The most predicates a slice may combine (the lattice level).
    public var maxLevel: Int
    /// The fewest rows a slice may have.
    public var minSupport: Int

    public init(alpha: Double = 0.95, k: Int = 10, maxLevel: Int = 3, minSupport: Int = 30) {
        self.alpha = alpha
        self.k = k
        self.maxLevel = maxLevel
        self.minSupport = minSupport
    }

    /// A message for the first parameter out of range, or nil.
    public var problem: String? {
        if !(alpha > 0 && alpha <= 1) { return "alpha must lie in (0, 1], not \(alpha)" }
        if k < 1 { return "k must be at least 1, not \(k)" }
        if maxLevel < 1 { return "max-l must be at least 1, not \(maxLevel)" }
        if minSupport < 1 { return "min-support must be at least 1, not \(minSupport)" }
        return nil
    }
}
