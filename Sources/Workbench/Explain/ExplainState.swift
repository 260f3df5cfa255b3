import ErrataCore

/// The explanation view of one instance's input: one pane, or two side by side (two methods
/// for one system, or one method for two systems).
public struct ExplainState: Sendable, Equatable {
    /// The instance, as an index into the table's rows (the detail view it came from).
    public var row: Int
    public var instance: String
    public var text: String
    public var panes: [ExplainPane]
    /// The pane that method, target and unit keys change (Tab switches).
    public var focus = 0
    /// The token under the cursor (an index into the focused pane's tokens).
    public var cursor = 0
    /// The first wrapped line shown (long inputs scroll).
    public var top = 0
    /// The method list `m` opens over the view; nil when closed.
    public var picker: MethodPicker?

    public init(row: Int, instance: String, text: String, request: ExplanationRequest) {
        self.row = row
        self.instance = instance
        self.text = text
        panes = [ExplainPane(request: request)]
    }

    var focused: ExplainPane { panes[min(focus, panes.count - 1)] }
}

/// One explanation on screen: what was asked, and what has come back so far.
public struct ExplainPane: Sendable, Equatable {
    public var request: ExplanationRequest
    /// The latest estimate: partial while `running` (anytime SHAP), final after.
    public var explanation: Explanation?
    public var running = false
    /// Whether the explanation came from the disk cache.
    public var cached = false
    public var error: String?
    /// Comprehensiveness and sufficiency, when asked for (`f`).
    public var faithfulness: FaithfulnessScores?

    public init(request: ExplanationRequest) {
        self.request = request
    }

    /// The largest standard error of the estimate (sampling methods).
    var maxSE: Double? { explanation?.se?.filter(\.isFinite).max() }
}

/// The keys of the explanation view.
public enum ExplainCommand: String, NamedCommand {
    case nextToken = "next-token"
    case previousToken = "previous-token"
    case scrollDown = "scroll-down"
    case scrollUp = "scroll-up"
    case chooseMethod = "choose-method"
    case nextMethod = "next-method"
    case shap = "shap"
    case integratedGradients = "integrated-gradients"
    case nextTarget = "next-target"
    case toggleUnit = "words-or-tokens"
    case nextMasking = "next-masking"
    case faithfulness = "faithfulness"
    case sideBySide = "side-by-side"
    case otherSystem = "other-system"
    case switchPane = "switch-pane"
    case attention = "attention"
    case whatIf = "what-if"
    case help = "help"
    case close = "close"
    case quit = "quit"

    public var help: String {
        switch self {
        case .nextToken: "next token"
        case .previousToken: "previous token"
        case .scrollDown: "scroll down"
        case .scrollUp: "scroll up"
        case .chooseMethod: "choose the method from a list (what each computes and costs)"
        case .nextMethod: "next method, without the list"
        case .shap: "SHAP (permutation; error bars tighten as it runs)"
        case .integratedGradients: "Integrated Gradients"
        case .nextTarget: "explain the next class"
        case .toggleUnit: "words or word pieces"
        case .nextMasking: "next masking token (Shapley, LOO)"
        case .faithfulness: "faithfulness of the explanation"
        case .sideBySide: "a second method side by side (again: one pane)"
        case .otherSystem: "the same method for another system"
        case .switchPane: "the other pane"
        case .attention: "attention grids"
        case .whatIf: "edit the input and re-run (what-if)"
        case .help: "keys and what each method means"
        case .close: "close (cancels a running explanation)"
        case .quit: "quit"
        }
    }
}

public typealias ExplainKeymap = KeyTable<ExplainCommand>

extension KeyTable where Name == ExplainCommand {
    public static let explain = ExplainKeymap(bindings: [
        .init(key: .character("l"), command: .nextToken, label: "l"),
        .init(key: .right, command: .nextToken, label: "→"),
        .init(key: .character("h"), command: .previousToken, label: "h"),
        .init(key: .left, command: .previousToken, label: "←"),
        .init(key: .character("j"), command: .scrollDown, label: "j"),
        .init(key: .down, command: .scrollDown, label: "↓"),
        .init(key: .character("k"), command: .scrollUp, label: "k"),
        .init(key: .up, command: .scrollUp, label: "↑"),
        .init(key: .character("m"), command: .chooseMethod, label: "m"),
        .init(key: .character("M"), command: .nextMethod, label: "M"),
        .init(key: .character("s"), command: .shap, label: "s"),
        .init(key: .character("i"), command: .integratedGradients, label: "i"),
        .init(key: .character("t"), command: .nextTarget, label: "t"),
        .init(key: .character("w"), command: .toggleUnit, label: "w"),
        .init(key: .character("x"), command: .nextMasking, label: "x"),
        .init(key: .character("f"), command: .faithfulness, label: "f"),
        .init(key: .character("v"), command: .sideBySide, label: "v"),
        .init(key: .character("y"), command: .otherSystem, label: "y"),
        .init(key: .tab, command: .switchPane, label: "Tab"),
        .init(key: .character("A"), command: .attention, label: "A"),
        .init(key: .character("e"), command: .whatIf, label: "e"),
        .init(key: .character("?"), command: .help, label: "?"),
        .init(key: .escape, command: .close, label: "Esc"),
        .init(key: .character("q"), command: .quit, label: "q"),
    ])
}
