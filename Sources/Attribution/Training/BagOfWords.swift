import Foundation

/// Lower-cased word counts over a vocabulary fixed at training time: the simple second
/// system of the demo, whose errors differ in kind from a transformer's (no negation scope,
/// no word order).
public struct BagOfWords: Codable, Sendable, Equatable {
    /// Feature index of each word.
    public let words: [String]
    private let index: [String: Int32]

    enum CodingKeys: String, CodingKey { case words }

    public init(words: [String]) {
        self.words = words
        index = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, Int32($0)) })
    }

    public init(from decoder: Decoder) throws {
        self.init(words: try decoder.container(keyedBy: CodingKeys.self).decode([String].self, forKey: .words))
    }

    /// Words appearing in at least `minimumCount` texts, most frequent first (ties
    /// alphabetically), so the vocabulary is the same on every run.
    public init(fitting texts: [String], minimumCount: Int = 2) {
        var documentFrequency: [String: Int] = [:]
        for text in texts {
            for word in Set(Self.words(of: text)) { documentFrequency[word, default: 0] += 1 }
        }
        let kept = documentFrequency.filter { $0.value >= minimumCount }
            .sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map(\.key)
        self.init(words: kept)
    }

    /// Letters, digits and inner apostrophes, lower-cased.
    public static func words(of text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'") }
            .map { $0.trimmingCharacters(in: ["'"]) }.filter { !$0.isEmpty }
    }

    /// Binary presence features (counts add little for sentences and overfit long ones).
    public func features(_ text: String) -> SparseFeatures {
        let present = Set(Self.words(of: text).compactMap { index[$0] }).sorted()
        return SparseFeatures(indices: present, values: Array(repeating: 1, count: present.count))
    }

    public static func == (a: Self, b: Self) -> Bool { a.words == b.words }
}
