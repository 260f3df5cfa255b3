import Foundation

/// The bf16 copy of an explainer's transformer, made on first use and kept: packing the
/// weights takes a moment and a run of `--all` explains many texts with one explainer.
final class BFloat16Classifier: @unchecked Sendable {
    // @unchecked: `converted` is read and written under `lock` only.
    private let lock = NSLock()
    private var converted: TextClassifier?

    /// `classifier` with bf16 weight products.
    /// - Throws: `ModelError.processorLacks` on a processor without AVX512-BF16.
    func classifier(from classifier: TextClassifier) throws -> TextClassifier {
        try lock.withLock {
            if let converted { return converted }
            let made = try classifier.converted(to: .bf16)
            converted = made
            return made
        }
    }
}
