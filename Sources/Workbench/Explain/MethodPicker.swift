import ErrataCore
import TerminalUI

/// `m` in the explanation view: the methods the focused pane's system supports, as a list
/// with what each computes and what it costs, so a user chooses knowingly rather than by
/// cycling through names.
public struct MethodPicker: Sendable, Equatable {
    public var methods: [ExplanationMethod]
    public var cursor: Int
    /// The players of the explanation on screen (tokens or words), which decide whether exact
    /// Shapley values are affordable; nil before the first result.
    public var players: Int?

    /// Exact Shapley values evaluate every coalition: 2^14 = 16,384 model calls is the most
    /// the picker offers (a few seconds on MiniLM); beyond, sampling is the only sane choice.
    static let exactLimit = 14

    init(methods: [ExplanationMethod], current: ExplanationMethod, players: Int?) {
        self.methods = methods
        cursor = methods.firstIndex(of: current) ?? 0
        self.players = players
    }

    /// Why `method` cannot be chosen now, if it cannot.
    func refusal(_ method: ExplanationMethod) -> String? {
        guard method == .exact, let players, players > Self.exactLimit else { return nil }
        return "exact needs 2^\(players) evaluations for \(players) players; use shap or permutation, or words (w) for fewer players"
    }

    /// One line on what the method computes and costs.
    static func summary(_ method: ExplanationMethod, players: Int?) -> String {
        switch method {
        case .ig: "Integrated Gradients: path integral of gradients from a baseline; 50 steps, a completeness gap Δ"
        case .permutation: "Shapley values by antithetic permutations; standard errors tighten as it runs"
        case .kernelshap: "KernelSHAP: weighted regression on sampled coalitions; standard errors by bootstrap"
        case .shap: "Shapley values: exact up to 10 players, else permutation sampling"
        case .exact:
            "exact Shapley values over every coalition" + (players.map { ": 2^\($0) evaluations" } ?? "")
        case .loo: "leave one out: the drop when each token alone is masked; one evaluation per token"
        case .grad: "saliency: the norm of the gradient over each token's embedding; one backward pass"
        case .gxi: "gradient × input, summed over the embedding; one backward pass"
        case .attention: "attention each token receives, last layer, mean of heads (not an explanation: see ?)"
        case .rollout: "attention rollout through every layer (Abnar & Zuidema 2020)"
        }
    }
}

/// The picker's keys: move, choose, leave.
func handleMethodPickerKey(_ picker: inout MethodPicker, _ key: Key) -> MethodPickerOutcome {
    switch key {
    case .down, .character("j"), .character("m"): picker.cursor = (picker.cursor + 1) % picker.methods.count
    case .up, .character("k"), .character("M"): picker.cursor = (picker.cursor + picker.methods.count - 1) % picker.methods.count
    case .enter:
        let method = picker.methods[picker.cursor]
        if let refusal = picker.refusal(method) { return .refused(refusal) }
        return .chosen(method)
    case .escape, .character("q"): return .closed
    default: break
    }
    return .open
}

enum MethodPickerOutcome: Equatable {
    case open, closed, chosen(ExplanationMethod), refused(String)
}

/// The picker as a box over the explanation: a line per method, the one under the cursor
/// reversed, methods that cannot run now dimmed with the reason.
struct MethodPickerView: View {
    let picker: MethodPicker
    let current: ExplanationMethod

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        let height = min(rect.height, picker.methods.count + 2)
        let box = Rect(x: rect.x, y: rect.y, width: rect.width, height: height)
        let inner = overlayBox(&buffer, box, title: "Method · j/k move · Enter choose · Esc back")
        let nameWidth = (picker.methods.map { $0.rawValue.count }.max() ?? 4) + 2
        for (index, method) in picker.methods.enumerated() where index < inner.height {
            let y = inner.y + index
            let refused = picker.refusal(method) != nil
            var style = refused ? Theme.dim : Style()
            if index == picker.cursor { style.attributes.insert(.reverse) }
            let mark = method == current ? "•" : " "
            let line = DisplayWidth.pad("\(mark) \(DisplayWidth.pad(method.rawValue, to: nameWidth))"
                + (refused ? "(too many players) " : "") + MethodPicker.summary(method, players: picker.players), to: inner.width)
            buffer.write(line, x: inner.x, y: y, style: style, maxWidth: inner.width)
        }
    }
}
