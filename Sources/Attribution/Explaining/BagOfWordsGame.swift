/// The bag-of-words model as a coalition game: a linear model on word presence is a game like
/// any other. The players are the word occurrences of the text (so every word on screen gets a
/// score); a player outside the coalition is removed from the presence vector, and a word is
/// present while any of its occurrences is kept. Words outside the vocabulary change nothing
/// and score 0 (the dummy axiom).
public struct BagOfWordsGame: CoalitionGame {
    public let classifier: BagOfWordsClassifier
    /// The vocabulary index of each player's word, nil outside the vocabulary.
    public let features: [Int32?]
    public let target: Target

    public init(classifier: BagOfWordsClassifier, words: [String], target: Target) {
        self.classifier = classifier
        features = words.map { classifier.vocabulary.index(of: $0) }
        self.target = target
    }

    public var playerCount: Int { features.count }

    public func values(of coalitions: [[Bool]]) throws -> [Double] {
        coalitions.map { coalition in
            let present = Set(zip(coalition, features).compactMap { $0 ? $1 : nil }).sorted()
            let logits = classifier.logits(SparseFeatures(indices: present, values: Array(repeating: 1, count: present.count)))
            return switch target {
            case .logit(let k): logits[k]
            case .probability(let k): softmax(logits)[k]
            }
        }
    }
}

extension BagOfWordsClassifier {
    /// The class names, `class0`, `class1`, ... when the head has none.
    public var labels: [String] {
        head.labels ?? (0 ..< head.classes).map { "class\($0)" }
    }

    /// The players of `text`: every word occurrence, with its original spelling and offsets.
    public func players(of text: String) -> (players: Players, words: [String]) {
        let spans = BagOfWords.spans(of: text)
        return (Players(text: text, offsets: spans.map(\.offsets)), spans.map(\.word))
    }
}
