extension TextField {
    /// Applies an editing key and returns true, or returns false for a key the owner handles
    /// (Enter, Esc, Tab, and ↑/↓ when there is no history).
    ///
    /// Keys, as readline binds them: characters insert; Backspace and Delete delete; ←/→,
    /// Home/End and Ctrl-A/Ctrl-E move; Alt-B/Alt-F and Ctrl-←/Ctrl-→ move by words; Ctrl-U,
    /// Ctrl-K and Ctrl-W delete to the start, to the end and the word before; ↑/↓ browse
    /// `history` (oldest first).
    public mutating func handle(_ key: Key, history: [String] = []) -> Bool {
        switch key {
        case .character(let character): insert(String(character))
        case .backspace: deleteBackward()
        case .delete: deleteForward()
        case .left: moveLeft()
        case .right: moveRight()
        case .home, .control("a"): moveToStart()
        case .end, .control("e"): moveToEnd()
        case .alt("b"), .controlLeft: moveWordLeft()
        case .alt("f"), .controlRight: moveWordRight()
        case .control("u"): deleteToStart()
        case .control("k"): deleteToEnd()
        case .control("w"): deleteWordBackward()
        case .up where !history.isEmpty: showPrevious(in: history)
        case .down where !history.isEmpty: showNext(in: history)
        default: return false
        }
        return true
    }
}
