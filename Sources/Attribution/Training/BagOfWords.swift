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
        spans(of: text).map(\.word)
    }

    /// Each word of `text` (lower-cased) with its Unicode scalar offsets in `text`: runs of
    /// letters, digits and apostrophes, without leading or trailing apostrophes. The offsets
    /// let an explanation colour the words where they stand.
    public static func spans(of text: String) -> [(word: String, offsets: Range<Int>)] {
        var spans: [(word: String, offsets: Range<Int>)] = []
        var current: [Character] = []
        var start = 0, offset = 0
        func flush() {
            var run = current[...], low = start, high = offset
            while let first = run.first, first == "'" { run = run.dropFirst(); low += 1 }
            while let last = run.last, last == "'" { run = run.dropLast(); high -= 1 }
            if !run.isEmpty { spans.append((String(run).lowercased(), low ..< high)) }
            current = []
        }
        for character in text {
            if character.isLetter || character.isNumber || character == "'" {
                if current.isEmpty { start = offset }
                current.append(character)
            } else if !current.isEmpty {
                flush()
            }
            offset += character.unicodeScalars.count
        }
        if !current.isEmpty { flush() }
        return spans
    }

    /// The feature index of a lower-cased word, nil outside the vocabulary.
    public func index(of word: String) -> Int32? {
        index[word]
    }

    /// Binary presence features (counts add little for sentences and overfit long ones).
    public func features(_ text: String) -> SparseFeatures {
        let present = Set(Self.words(of: text).compactMap { index[$0] }).sorted()
        return SparseFeatures(indices: present, values: Array(repeating: 1, count: present.count))
    }

    public static func == (a: Self, b: Self) -> Bool { a.words == b.words }
}
