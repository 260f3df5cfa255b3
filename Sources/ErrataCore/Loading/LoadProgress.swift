/// Reports how far loading has come, for a progress bar: a fraction in 0...1 and what is
/// being done. Reported at most every 1% so that a million-line file costs nothing extra.
public typealias LoadProgressHandler = @Sendable (_ fraction: Double, _ activity: String) -> Void

/// Throttles byte-position reports of one reader and maps them into its share of the total.
struct ReadProgress {
    private let handler: LoadProgressHandler?
    private let activity: String
    private let range: ClosedRange<Double>
    private var lastReported = -1.0

    init(_ handler: LoadProgressHandler?, activity: String = "", range: ClosedRange<Double> = 0 ... 1) {
        self.handler = handler
        self.activity = activity
        self.range = range
    }

    mutating func update(offset: Int, total: Int) {
        guard let handler, total > 0 else { return }
        let fraction = range.lowerBound + (range.upperBound - range.lowerBound) * Double(offset) / Double(total)
        if fraction - lastReported >= 0.01 || offset == total {
            lastReported = fraction
            handler(fraction, activity)
        }
    }
}
