/// The vocabulary as a trie over Unicode scalars, for WordPiece's greedy longest-match-first
/// search (Wu et al. 2016): one walk along a word finds the longest vocabulary entry it starts
/// with, where looking up every shorter prefix in a dictionary would build a string per try.
///
/// Continuation pieces (`##ing`) are entries that start with `##`, so their search starts from
/// the node that `##` leads to.
struct VocabularyTrie: Sendable {
    /// The child node at the end of each edge, keyed by `key(node, scalar)`.
    private let children: [UInt64: Int32]
    /// The vocabulary id of the entry that ends at each node, or -1.
    private let ids: [Int32]

    static let root: Int32 = 0

    init(_ vocabulary: Vocabulary) {
        var children: [UInt64: Int32] = [:]
        var ids: [Int32] = [-1]
        for (id, token) in vocabulary.tokens.enumerated() {
            var node = Self.root
            for scalar in token.unicodeScalars {
                let key = Self.key(node, scalar)
                if let child = children[key] {
                    node = child
                } else {
                    let child = Int32(ids.count)
                    ids.append(-1)
                    children[key] = child
                    node = child
                }
            }
            if ids[Int(node)] < 0 { ids[Int(node)] = Int32(id) }
        }
        self.children = children
        self.ids = ids
    }

    /// The node reached from the root along `prefix`, if the vocabulary has entries that start so.
    func node(after prefix: String) -> Int32? {
        var node = Self.root
        for scalar in prefix.unicodeScalars {
            guard let child = children[Self.key(node, scalar)] else { return nil }
            node = child
        }
        return node
    }

    /// The longest entry that continues from `node` with a prefix of `scalars[range]`: its id and
    /// the index one past its last scalar.
    func longestMatch(from node: Int32, in scalars: [Unicode.Scalar], _ range: Range<Int>) -> (id: Int32, end: Int)? {
        var node = node
        var match: (id: Int32, end: Int)?
        for index in range {
            guard let child = children[Self.key(node, scalars[index])] else { break }
            node = child
            let id = ids[Int(node)]
            if id >= 0 { match = (id, index + 1) }
        }
        return match
    }

    /// An edge's key: scalars fit in 21 bits.
    private static func key(_ node: Int32, _ scalar: Unicode.Scalar) -> UInt64 {
        UInt64(node) << 21 | UInt64(scalar.value)
    }
}
