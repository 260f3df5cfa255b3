import ErrataCore
import Foundation
import TerminalUI

/// The explanation view: the input's tokens coloured by attribution (one pane, or two side
/// by side with their rank agreement), the legend with the numeric range, and a status line
/// for the token under the cursor.
struct HeatView: View {
    let explain: ExplainState
    let colors: Int

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        let inner = overlayBox(&buffer, rect, title: "Explain \(explain.instance) · ←/→ token · m method · s SHAP · i IG · t class · v side by side · A attention · e what-if · ? help")
        guard inner.height >= 4, inner.width >= 10 else { return }
        let footer = 3 + (explain.panes.count == 2 ? 1 : 0)
        let body = Rect(x: inner.x, y: inner.y, width: inner.width, height: max(1, inner.height - footer))
        let columns = explain.panes.count == 2 ? body.columns(.fill, .fixed(2), .fill) : [body]
        for (index, column) in stride(from: 0, to: columns.count, by: 2).map({ columns[$0] }).enumerated() {
            drawPane(index, in: column, into: &buffer)
        }
        var y = body.maxY
        if let scale = scale(explain.focused) {
            var legend = StyledText("against ", style: Theme.dim)
            legend.append(scale.legend())
            legend.append(" for '\(explain.focused.explanation?.target ?? "")' · dim: within 2 SE of zero", style: Theme.dim)
            _ = legend.drawLine(x: inner.x, y: y, maxWidth: inner.width, into: &buffer)
        }
        y += 1
        if explain.panes.count == 2 {
            buffer.write(agreementLine, x: inner.x, y: y, style: Theme.info, maxWidth: inner.width)
            y += 1
        }
        buffer.write(faithfulnessLine(explain.focused), x: inner.x, y: y, style: Theme.info, maxWidth: inner.width)
        buffer.write(cursorLine, x: inner.x, y: y + 1, style: Theme.key, maxWidth: inner.width)
        if let picker = explain.picker {
            MethodPickerView(picker: picker, current: explain.focused.request.method)
                .draw(in: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(3, inner.height - 1)), into: &buffer)
        }
    }

    private func scale(_ pane: ExplainPane) -> HeatScale? {
        pane.explanation.map { HeatScale(scores: $0.scores, colors: colors) }
    }

    private func drawPane(_ index: Int, in rect: Rect, into buffer: inout ScreenBuffer) {
        let pane = explain.panes[index]
        let focused = index == min(explain.focus, explain.panes.count - 1)
        let request = pane.request
        let header = "\(request.system) · \(request.method.rawValue) · \(pane.explanation?.target ?? request.target ?? "predicted class") · \(request.unit.rawValue)"
            + (request.method.isModelAgnostic ? " · \(request.masking.rawValue)" : "")
        buffer.write(header, x: rect.x, y: rect.y, style: focused && explain.panes.count == 2 ? Theme.selected : Theme.header, maxWidth: rect.width)
        buffer.write(predictionLine(pane), x: rect.x, y: rect.y + 1, style: Theme.info, maxWidth: rect.width)
        let textRect = Rect(x: rect.x, y: rect.y + 3, width: rect.width, height: max(0, rect.height - 3))
        if let error = pane.error {
            StyledText(error, style: Theme.error).draw(in: textRect, into: &buffer)
            return
        }
        guard let explanation = pane.explanation, let scale = scale(pane) else {
            buffer.write(pane.running ? "computing \(request.method.rawValue)…" : "", x: rect.x, y: textRect.y, style: Theme.dim, maxWidth: rect.width)
            return
        }
        let heat = heatText(explanation, scale: scale, cursor: focused ? explain.cursor : nil)
        let lines = heat.lines(width: textRect.width)
        let cursorLine = lines.firstIndex { $0.runs.contains { $0.style.attributes.contains(.underline) } } ?? 0
        var top = min(explain.top, max(0, lines.count - textRect.height))
        if cursorLine < top { top = cursorLine }
        if cursorLine >= top + textRect.height { top = cursorLine - textRect.height + 1 }
        for (offset, line) in lines.dropFirst(top).prefix(textRect.height).enumerated() {
            _ = line.drawLine(x: textRect.x, y: textRect.y + offset, maxWidth: textRect.width, into: &buffer)
        }
    }

    /// The input with each token styled by its score: text between tokens plain, and without
    /// colour a sign marker after each token. Token offsets are Unicode scalars.
    func heatText(_ explanation: Explanation, scale: HeatScale, cursor: Int?) -> StyledText {
        let scalars = Array(explanation.text.unicodeScalars)
        func slice(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[max(0, min(range.lowerBound, scalars.count)) ..< max(0, min(range.upperBound, scalars.count))])
            return String(view)
        }
        var text = StyledText()
        var position = 0
        for (index, token) in explanation.tokens.enumerated() where token.start >= position {
            text.append(slice(position ..< token.start))
            let se = explanation.se?[index]
            var style = scale.style(explanation.scores[index], se: se)
            if index == cursor { style.attributes.formUnion([.underline, .bold]) }
            text.append(slice(token.start ..< token.end), style: style)
            if let marker = scale.marker(explanation.scores[index], se: se) { text.append(marker, style: Theme.dim) }
            position = token.end
        }
        text.append(slice(position ..< scalars.count))
        return text
    }

    private func predictionLine(_ pane: ExplainPane) -> String {
        guard let e = pane.explanation else { return "" }
        var parts = ["prediction \(e.prediction) (" + e.probabilities.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.3f", $0.value))" }.joined(separator: ", ") + ")"]
        parts.append("f(x) \(String(format: "%.3f", e.value))")
        if let base = e.baseValue { parts.append("base \(String(format: "%.3f", base))") }
        if e.method == "ig", let delta = e.delta { parts.append("Δ \(String(format: "%.1e", delta))") }
        parts.append("\(e.evaluations) evaluations")
        if pane.running, let se = pane.maxSE { parts.append("running, max SE \(String(format: "%.4f", se))") }
        if pane.cached { parts.append("cached") }
        return parts.joined(separator: " · ")
    }

    private var agreementLine: String {
        guard let a = explain.panes[0].explanation?.scores, let b = explain.panes[1].explanation?.scores,
              let agreement = RankAgreement(a, b) else {
            return "rank agreement: — (the panes score different tokens, or are not ready)"
        }
        let rho = agreement.spearman.map { String(format: "%.2f", $0) } ?? "—"
        return "rank agreement: Spearman \(rho) · top-\(agreement.topK) overlap \(agreement.overlap) of \(agreement.topK)"
    }

    private func faithfulnessLine(_ pane: ExplainPane) -> String {
        guard let f = pane.faithfulness else { return "f: faithfulness of this explanation" }
        return "comprehensiveness AOPC \(String(format: "%.3f", f.aopcComprehensiveness)) · sufficiency AOPC \(String(format: "%.3f", f.aopcSufficiency))"
            + " (removing or keeping the top \(f.percentages.map { "\($0)%" }.joined(separator: ", ")))"
    }

    private var cursorLine: String {
        guard let e = explain.focused.explanation, explain.cursor < e.tokens.count else { return "" }
        let score = e.scores[explain.cursor]
        var line = "'\(e.tokens[explain.cursor].text)' \(String(format: "%+.4f", score))"
        if let se = e.se?[explain.cursor] {
            line += " ± \(String(format: "%.4f", se)) SE"
            if HeatScale.isUncertain(score, se: se) { line += " (not distinguishable from zero)" }
        }
        let rank = e.scores.filter { abs($0) > abs(score) }.count + 1
        return line + " · rank \(rank) of \(e.tokens.count) by |score|"
    }
}
