import ErrataCore
import TerminalUI

/// The attention view: one text's attention, every layer and head from one forward pass,
/// shown as one grid (a head, a layer's head average, or the rollout) or as small
/// multiples (every head of a layer at once), or which heads the prediction depends on
/// (head importance, over this text or the table's slice).
public struct AttentionState: Sendable, Equatable {
    public enum Mode: Sendable, Equatable { case head, average, rollout, multiples, importance }

    public var system: String
    public var text: String
    public var grids: AttentionGrids?
    public var error: String?
    public var layer = 0
    public var head = 0
    public var mode = Mode.average
    /// The 2-D cursor: the query (row) and key (column) under it.
    public var query = 0
    public var key = 0
    /// The view it was opened from, where Esc returns.
    public var back: ExplainState?
    /// The last head-importance table asked for (`i`, `I`), kept while the user looks at grids.
    public var importance: HeadImportanceState?

    public init(system: String, text: String, back: ExplainState?) {
        self.system = system
        self.text = text
        self.back = back
    }

    /// The matrix the view shows now (rows are queries, columns keys).
    var matrix: [[Double]]? {
        guard let grids else { return nil }
        return switch mode {
        case .head, .multiples, .importance: grids.map(layer: layer, head: head)
        case .average: grids.headAverage(layer: layer)
        case .rollout: grids.rollout()
        }
    }

    var title: String {
        switch mode {
        case .head: "layer \(layer + 1) of \(grids?.layers ?? 0) · head \(head + 1) of \(grids?.heads ?? 0)"
        case .average: "layer \(layer + 1) of \(grids?.layers ?? 0) · mean of \(grids?.heads ?? 0) heads"
        case .rollout: "rollout over \(grids?.layers ?? 0) layers"
        case .multiples: "layer \(layer + 1) of \(grids?.layers ?? 0) · every head"
        case .importance: "head importance · layer \(layer + 1) · head \(head + 1)"
        }
    }
}

public enum AttentionCommand: String, NamedCommand {
    case down, up, right, left
    case nextLayer = "next-layer"
    case previousLayer = "previous-layer"
    case nextHead = "next-head"
    case previousHead = "previous-head"
    case average, rollout
    case multiples = "small-multiples"
    case importance = "head-importance"
    case sliceImportance = "slice-head-importance"
    case openHead = "open-head"
    case help, close, quit

    public var help: String {
        switch self {
        case .down: "next query (row)"
        case .up: "previous query"
        case .right: "next key (column)"
        case .left: "previous key"
        case .nextLayer: "next layer"
        case .previousLayer: "previous layer"
        case .nextHead: "next head (one head's grid)"
        case .previousHead: "previous head"
        case .average: "the mean of the layer's heads"
        case .rollout: "attention rollout through every layer"
        case .multiples: "every head of the layer at once"
        case .importance: "which heads this prediction depends on (head importance)"
        case .sliceImportance: "head importance over the table's slice (up to 200 instances)"
        case .openHead: "the grid of the head under the cursor (head importance)"
        case .help: "keys, and why attention is not explanation"
        case .close: "back"
        case .quit: "quit"
        }
    }
}

public typealias AttentionKeymap = KeyTable<AttentionCommand>

extension KeyTable where Name == AttentionCommand {
    public static let attention = AttentionKeymap(bindings: [
        .init(key: .character("j"), command: .down, label: "j"),
        .init(key: .down, command: .down, label: "↓"),
        .init(key: .character("k"), command: .up, label: "k"),
        .init(key: .up, command: .up, label: "↑"),
        .init(key: .character("l"), command: .right, label: "l"),
        .init(key: .right, command: .right, label: "→"),
        .init(key: .character("h"), command: .left, label: "h"),
        .init(key: .left, command: .left, label: "←"),
        .init(key: .character("]"), command: .nextLayer, label: "]"),
        .init(key: .character("["), command: .previousLayer, label: "["),
        .init(key: .character("."), command: .nextHead, label: "."),
        .init(key: .character(","), command: .previousHead, label: ","),
        .init(key: .character("a"), command: .average, label: "a"),
        .init(key: .character("r"), command: .rollout, label: "r"),
        .init(key: .character("m"), command: .multiples, label: "m"),
        .init(key: .character("i"), command: .importance, label: "i"),
        .init(key: .character("I"), command: .sliceImportance, label: "I"),
        .init(key: .enter, command: .openHead, label: "Enter"),
        .init(key: .character("?"), command: .help, label: "?"),
        .init(key: .escape, command: .close, label: "Esc"),
        .init(key: .character("q"), command: .quit, label: "q"),
    ])
}

/// `A`: the attention of a text, computed by a job (one forward pass for every layer).
func openAttention(_ state: inout AppState, system: String, text: String, from explain: ExplainState?) -> [Effect] {
    guard state.canUseGradients(system) else {
        state.message = .init(text: "\(system) has no attention: its model is not a transformer", isError: true)
        return []
    }
    state.overlay = .attention(AttentionState(system: system, text: text, back: explain))
    return state.start(.attention(system: system, text: text), label: "attention of \(system)…")
}

func handleAttentionKey(_ state: inout AppState, _ attention: AttentionState, _ key: Key) -> [Effect] {
    var view = attention
    let layers = view.grids?.layers ?? 1, heads = view.grids?.heads ?? 1, tokens = view.grids?.tokens.count ?? 1
    let onTable = view.mode == .importance
    switch AttentionKeymap.attention.command(for: key) {
    // On the importance table the cursor is a (layer, head) cell.
    case .down? where onTable: view.layer = min(layers - 1, view.layer + 1)
    case .up? where onTable: view.layer = max(0, view.layer - 1)
    case .right? where onTable: view.head = min(heads - 1, view.head + 1)
    case .left? where onTable: view.head = max(0, view.head - 1)
    case .down?: view.query = min(tokens - 1, view.query + 1)
    case .up?: view.query = max(0, view.query - 1)
    case .right?: view.key = min(tokens - 1, view.key + 1)
    case .left?: view.key = max(0, view.key - 1)
    case .nextLayer?: view.layer = (view.layer + 1) % layers
    case .previousLayer?: view.layer = (view.layer + layers - 1) % layers
    case .nextHead?:
        if view.mode == .head || view.mode == .multiples { view.head = (view.head + 1) % heads }
        if view.mode != .multiples { view.mode = .head }
    case .previousHead?:
        if view.mode == .head || view.mode == .multiples { view.head = (view.head + heads - 1) % heads }
        if view.mode != .multiples { view.mode = .head }
    case .average?: view.mode = .average
    case .rollout?: view.mode = .rollout
    case .multiples?: view.mode = view.mode == .multiples ? .head : .multiples
    case .importance?, .sliceImportance?:
        let request = AttentionState.importanceRequest(state, system: view.system, text: view.text,
                                                       slice: AttentionKeymap.attention.command(for: key) == .sliceImportance)
        guard !request.texts.isEmpty else {
            state.message = .init(text: "the table shows no instances to score", isError: true)
            return []
        }
        view.mode = .importance
        view.importance = HeadImportanceState(scope: request.scope, instances: request.texts.count, scores: nil)
        state.overlay = .attention(view)
        return state.start(.headImportance(request), label: "head importance over \(request.scope)…")
    case .openHead?:
        guard onTable else { return [] }
        view.mode = .head
    case .help?:
        state.overlay = .help(.attention, back: .attention(view))
        return []
    case .close?:
        if let back = view.back { state.overlay = .explain(back) } else { state.overlay = nil }
        return state.cancelJobs(.attention) + state.cancelJobs(.headImportance)
    case .quit?: return [.quit]
    case nil: return []
    }
    state.overlay = .attention(view)
    return []
}
