import Foundation

/// Per-instance features of columns (`length(text)`, `tokens(reference)`), computed once per
/// dataset and shared by every later slice, group and histogram. Safe to share between threads.
final class FeatureCache: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: [Double]] = [:]

    /// The cached values for `key`, computing them on first use.
    func values(_ key: String, compute: () throws -> [Double]) rethrows -> [Double] {
        if let cached = lock.withLock({ values[key] }) { return cached }
        let computed = try compute()
        lock.withLock { values[key] = computed }
        return computed
    }
}
