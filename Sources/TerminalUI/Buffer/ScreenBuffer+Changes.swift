extension ScreenBuffer {
    /// The cells that differ from `previous`, row by row, left to right.
    ///
    /// Every cell when there is no previous frame or its size differs (after a resize the
    /// terminal's contents are unknown). A backend draws a wide character's first cell and
    /// skips continuations, which only change together with their first cell or their style.
    /// - Complexity: O(width x height).
    public func changes(from previous: ScreenBuffer?) -> [CellChange] {
        var changes: [CellChange] = []
        let compare = previous.flatMap { $0.width == width && $0.height == height ? $0 : nil }
        for y in 0 ..< height {
            for x in 0 ..< width {
                let cell = self[x, y]
                if let compare, compare[x, y] == cell { continue }
                changes.append(CellChange(x: x, y: y, cell: cell))
            }
        }
        return changes
    }
}
