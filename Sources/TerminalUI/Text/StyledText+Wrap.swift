extension StyledText {
    /// The text wrapped to `width` cells (the rule is `LineWrapper`'s: at spaces where
    /// possible, a longer word at grapheme boundaries, `\n` kept); empty for a width below 1.
    ///
    /// - Complexity: O(n) in the text's length; for long texts ask only for the lines shown.
    public func lines(width: Int) -> [StyledText] {
        lines(width: width, first: 0, count: .max)
    }

    /// `count` wrapped lines from line `first` (fewer at the end of the text).
    ///
    /// Lines are produced one at a time and the lines before `first` are counted, not built,
    /// so the cost is the characters up to the last line returned: the first screen of a
    /// 50 MB cell is as quick as that of a short one.
    public func lines(width: Int, first: Int, count: Int) -> [StyledText] {
        guard width > 0, count > 0 else { return [] }
        var wrapper = LineWrapper(runs, width: width)
        var result: [StyledText] = []
        var index = 0
        while result.count < count, let range = wrapper.next() {
            if index >= first { result.append(slice(range)) }
            index += 1
        }
        return result
    }

    /// How many lines the text takes wrapped to `width` cells (0 for a width below 1).
    ///
    /// - Complexity: O(n) in the text's length.
    public func lineCount(width: Int) -> Int {
        guard width > 0 else { return 0 }
        var wrapper = LineWrapper(runs, width: width)
        var count = 0
        while wrapper.next() != nil { count += 1 }
        return count
    }

    /// The runs between two positions, as text of its own.
    func slice(_ range: Range<TextPosition>) -> StyledText {
        var result = StyledText()
        guard !range.isEmpty else { return result }
        for index in range.lowerBound.run ... min(range.upperBound.run, runs.count - 1) {
            let text = runs[index].text
            let from = index == range.lowerBound.run ? range.lowerBound.index : text.startIndex
            let to = index == range.upperBound.run ? range.upperBound.index : text.endIndex
            if from < to { result.append(String(text[from ..< to]), style: runs[index].style) }
        }
        return result
    }
}
