/// The one-hot encoding the search runs on: one row mask per item (a value of a feature) and
/// the feature each item belongs to. A slice takes at most one item per feature.
public struct ItemMatrix: Sendable {
    public var masks: [RowMask]
    /// The feature of each item; items of a feature are adjacent.
    public var features: [Int]
    public var rows: Int

    public init(masks: [RowMask], features: [Int], rows: Int) {
        precondition(masks.count == features.count && masks.allSatisfy { $0.count == rows }, "one mask of every row per item")
        self.masks = masks
        self.features = features
        self.rows = rows
    }

    /// The encoding of integer codes, one array per feature (code -1: no item), with
    /// `levels[f]` items for feature `f`, numbered feature by feature and code by code: the
    /// column order of scikit-learn's `OneHotEncoder` on the same codes.
    public init(codes: [[Int32]], levels: [Int], rows: Int) {
        var masks: [RowMask] = [], features: [Int] = []
        for (feature, column) in codes.enumerated() {
            var featureMasks = [RowMask](repeating: RowMask(count: rows), count: levels[feature])
            for (row, code) in column.enumerated() where code >= 0 { featureMasks[Int(code)].insert(row) }
            masks += featureMasks
            features += [Int](repeating: feature, count: levels[feature])
        }
        self.init(masks: masks, features: features, rows: rows)
    }

    public var featureCount: Int { Set(features).count }
}
