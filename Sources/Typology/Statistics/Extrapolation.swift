extension Tallies.Row {
    /// The count the share extrapolates to in the whole slice, always with its 95% interval:
    /// `≈3004 [621–3004]`. One tag of one unit gives a share of 100% and a point estimate of
    /// the whole slice, which read alone ("≈3004") claims far more than one unit supports; the
    /// interval is what says how little is known, so the estimate is never written without it.
    /// Whole numbers from 10 up, one decimal below.
    public var extrapolation: String {
        func amount(_ value: Double) -> String { value >= 10 ? String(format: "%.0f", value) : String(format: "%.1f", value) }
        return "≈\(amount(estimate)) [\(amount(estimateLow))–\(amount(estimateHigh))]"
    }
}
