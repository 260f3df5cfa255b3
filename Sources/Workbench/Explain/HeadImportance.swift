import ErrataCore
import TerminalUI

/// Which texts a head-importance job scores, and how the view names them.
public struct HeadImportanceRequest: Sendable, Equatable {
    public var system: String
    public var texts: [String]
    /// "this input", or the slice's filter and how many of its instances were taken.
    public var scope: String

    /// At most this many instances of a slice are scored: one backward pass each, about a
    /// second per hundred on MiniLM, and the ranking of heads settles long before.
    public static let sliceLimit = 200
}

/// The head-importance table of the attention view: layers down, heads across, each cell
/// Michel et al.'s mean |∂p/∂gate| over the texts of `scope`, shaded against the largest.
public struct HeadImportanceState: Sendable, Equatable {
    public var scope: String
    public var instances: Int
    /// [layer][head]; nil while the job runs.
    public var scores: [[Double]]?

    /// The largest score, which the shading and the status line are relative to.
    var maximum: Double { scores?.joined().max() ?? 0 }
}

extension AttentionState {
    /// Head importance over this view's text (`slice` false) or over the first instances of the
    /// table's current rows (`slice` true).
    static func importanceRequest(_ state: AppState, system: String, text: String, slice: Bool) -> HeadImportanceRequest {
        guard slice, let input = state.analysis.dataset.inputs.first else {
            return HeadImportanceRequest(system: system, texts: [text], scope: "this input")
        }
        let rows = state.rows.prefix(HeadImportanceRequest.sliceLimit)
        let filter = state.filter.map { "'\($0)'" } ?? "all instances"
        let taken = rows.count < state.rows.count ? "first \(rows.count) of \(state.rows.count)" : "\(rows.count)"
        return HeadImportanceRequest(system: system, texts: rows.map { input.displayValue($0) }, scope: "\(filter), \(taken) instances")
    }
}

/// Draws the importance table into `rect`: a row per layer, a column per head.
struct HeadImportanceTable {
    let importance: HeadImportanceState
    let layer: Int
    let head: Int
    let colors: Int

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        guard let scores = importance.scores, let heads = scores.first?.count else {
            buffer.write("scoring the heads over \(importance.scope)…", x: rect.x, y: rect.y, style: Theme.dim, maxWidth: rect.width)
            return
        }
        let maximum = importance.maximum
        let cell = max(4, min(7, (rect.width - 9) / max(1, heads)))
        buffer.write("mean |∂p/∂gate| over \(importance.scope) (Michel et al. 2019)",
                     x: rect.x, y: rect.y, style: Theme.dim, maxWidth: rect.width)
        for h in 0 ..< heads {
            buffer.write(DisplayWidth.pad("h\(h + 1)", to: cell), x: rect.x + 9 + h * cell, y: rect.y + 1,
                         style: h == head ? Theme.selected : Theme.header, maxWidth: cell)
        }
        for (l, row) in scores.enumerated() where rect.y + 2 + l < rect.maxY {
            let y = rect.y + 2 + l
            buffer.write("layer \(l + 1)", x: rect.x, y: y, style: l == layer ? Theme.selected : Theme.header, maxWidth: 8)
            for (h, score) in row.enumerated() where rect.x + 9 + (h + 1) * cell <= rect.maxX {
                let share = maximum > 0 ? score / maximum : 0
                var style = AttentionView.ramp(share, colors: colors).style
                // Numbers on the two darkest blues are written in white.
                if colors >= 256, share >= 0.6 { style.foreground = .indexed(231) }
                if l == layer && h == head { style.attributes.insert(.reverse) }
                // Numbers, not glyphs, fill the cell: without colour a mark flags the strongest heads.
                let text = Self.format(score) + (colors >= 8 ? "" : Self.mark(share))
                buffer.write(DisplayWidth.pad(text, to: cell - 1), x: rect.x + 9 + h * cell, y: y, style: style, maxWidth: cell - 1)
            }
        }
    }

    /// Three significant digits, wide enough for the grid.
    static func format(_ score: Double) -> String {
        score >= 0.1 ? String(format: "%.2f", score) : score >= 0.001 ? String(format: "%.3f", score).replacingOccurrences(of: "0.", with: ".")
            : String(format: "%.0e", score)
    }

    /// Without colour, a mark for the upper shares so the strongest heads still stand out.
    static func mark(_ share: Double) -> String { share >= 0.75 ? "*" : share >= 0.5 ? "+" : "" }
}
