extension StyledText {
    /// `text` in `base` style with ranges of Unicode-scalar offsets restyled: the offsets
    /// the attribution engine gives for tokens (`start`/`end`) and span views for spans.
    ///
    /// Rules, so any offsets give a drawable text:
    /// - Where ranges overlap, the later one in `styling` wins (painted in order).
    /// - A grapheme takes the style of its first scalar, so a range that starts or ends
    ///   inside a grapheme (a token boundary between a letter and its combining mark, or
    ///   inside an emoji sequence) never splits it: the whole cluster goes one way.
    /// - Ranges are clipped to the text; empty and out-of-range ones are ignored.
    ///
    /// - Complexity: O(n + k log k) for n scalars up to the last range end and k ranges
    ///   (plus the overlap painted); the rest of the text is one run, never walked.
    public init(text: String, styling: [(range: Range<Int>, style: Style)], base: Style = Style()) {
        self.init()
        let ranges = styling.filter { $0.range.upperBound > max(0, $0.range.lowerBound) }
        // Boundaries cut the text into segments; each segment's owner is the last range
        // covering it (nil: the base style).
        let boundaries = Array(Set([0] + ranges.flatMap { [max(0, $0.range.lowerBound), $0.range.upperBound] })).sorted()
        var owners = [Int?](repeating: nil, count: boundaries.count)
        for (index, styled) in ranges.enumerated() {
            var segment = firstIndex(in: boundaries, notBelow: max(0, styled.range.lowerBound))
            while segment < boundaries.count, boundaries[segment] < styled.range.upperBound {
                owners[segment] = index
                segment += 1
            }
        }
        let scalars = text.unicodeScalars
        var start = text.startIndex
        var scalarIndex = scalars.startIndex
        var scalarOffset = 0
        for (segment, boundary) in boundaries.enumerated().dropFirst() {
            scalarIndex = scalars.index(scalarIndex, offsetBy: boundary - scalarOffset, limitedBy: scalars.endIndex) ?? scalars.endIndex
            scalarOffset = boundary
            let end = StyledText.characterBoundary(atOrAfter: scalarIndex, in: text)
            let style = owners[segment - 1].map { ranges[$0].style } ?? base
            if start < end { append(String(text[start ..< end]), style: style) }
            start = max(start, end)
            if scalarIndex == scalars.endIndex { break }
        }
        // Past the last boundary no range reaches.
        if start < text.endIndex { append(String(text[start...]), style: base) }
    }

    /// The first grapheme boundary at or after a scalar index.
    private static func characterBoundary(atOrAfter index: String.Index, in text: String) -> String.Index {
        var index = index
        while index < text.endIndex, index.samePosition(in: text) == nil {
            index = text.unicodeScalars.index(after: index)
        }
        return index
    }
}

/// The index of the first element of sorted `values` not below `value`.
private func firstIndex(in values: [Int], notBelow value: Int) -> Int {
    var low = 0, high = values.count
    while low < high {
        let middle = (low + high) / 2
        if values[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
}
