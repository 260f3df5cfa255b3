/// The JSON that `errata-bench run` prints; compare.py prints the same shape for pandas and
/// sacrebleu, so `table.py` can set the two side by side by key.
struct RunReport: Encodable {
    struct Memory: Encodable {
        /// Resident memory before loading, after loading, and its peak while loading.
        var rssBeforeMB: Double
        var rssAfterLoadMB: Double
        var peakAfterLoadMB: Double
        /// What the dataset's columns hold by errata's own count (`Dataset.memoryFootprint`).
        var datasetMB: Double
    }

    struct Slice: Encodable {
        var name: String
        var expression: String
        var count: Int
        /// Repeated on one `Analysis`: computed features (`length(text)`) are cached.
        var timing: Timing
        /// On a fresh `Analysis` each time: the first evaluation, features computed.
        var firstTiming: Timing
    }

    struct Grouped: Encodable {
        var metric: String
        var system: String
        var by: String
        var groups: [String: Double]
        /// Per-instance statistics already computed (cached in `Analysis`): grouping and sums.
        var cached: Timing
        /// From a fresh `Analysis`: per-instance statistics, grouping and sums. This is the
        /// figure compared with pandas' `(pred == gold).groupby(genre).mean()`.
        var fromScratch: Timing
    }

    struct Corpus: Encodable {
        var metric: String
        var system: String
        var value: Double
        var timing: Timing
    }

    var tool = "errata"
    var file: String
    var kind: String
    var rows: Int
    var threads: Int
    var load: Timing
    /// Of the load, reading the file into raw text cells (the rest is typing and encoding
    /// columns); a breakdown with no pandas counterpart.
    var read: Timing
    var memory: Memory
    var slices: [Slice]
    var grouped: Grouped?
    var corpus: [Corpus]
}
