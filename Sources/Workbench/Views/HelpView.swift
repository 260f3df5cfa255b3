import ErrataCore
import TerminalUI

/// A view's keys, drawn from its own key table, and for the explanation views what the
/// methods on screen mean and where they mislead.
struct HelpView: View {
    let context: HelpContext
    let keymap: Keymap

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        let title = switch context {
        case .browse: "Help · any key closes"
        case .detail: "Help · the instance view · any key goes back"
        case .explain: "Help · explanations · any key goes back"
        case .attention: "Help · attention · any key goes back"
        case .report: "Help · reports · any key goes back"
        }
        let inner = overlayBox(&buffer, rect, title: title)
        let notes = self.notes
        let keys = switch context {
        case .browse: keymap.helpLines
        case .detail: DetailKeymap.detail.helpLines
        case .explain: ExplainKeymap.explain.helpLines
        case .attention: AttentionKeymap.attention.helpLines
        case .report: ReportKeymap.report.helpLines
        }
        // The keys come first: the notes get what two columns of keys leave.
        let notesHeight = max(0, min(notes.lineCount(width: inner.width), inner.height - (keys.count + 1) / 2 - 1))
        drawKeyLines(keys, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: max(1, inner.height - notesHeight - 1)), &buffer)
        notes.draw(in: Rect(x: inner.x, y: inner.y + inner.height - notesHeight, width: inner.width, height: notesHeight), into: &buffer)
    }

    /// What follows the keys: the commands, or what the methods mean.
    private var notes: StyledText {
        switch context {
        case .browse:
            var text = StyledText((LineCommand.all.map(\.usage) + [":N (row)"]).joined(separator: "  "), style: Theme.key)
            text.append("\ne.g. :slice length(input) > 20 and genre == \"horror\"  (language: docs/slices.md)", style: Theme.dim)
            return text
        case .detail:
            return StyledText("""
            Tab focuses the next system's output; the cursor moves by character (←/→) and word (w/b). v marks a span \
            from the cursor (H/L/W/B mark and extend at once); t tags the marked span, else the whole output. Spans are \
            coloured by severity, the user's and the dataset's experts' alike; o shows one annotator's at a time. \
            a explains the input, A shows its attention, e edits it and runs the model again.
            """, style: Theme.dim)
        case .explain:
            return StyledText("""
            red pushes toward the explained class, blue away; dim: |score| ≤ 2 SE, not distinguishable from zero. \
            shap/permutation/kernelshap: Shapley values of the class probability over word pieces or words, masked with the \
            masking token; estimates carry standard errors that fall as sampling goes on; exact enumerates every coalition. \
            loo: the drop when one player is masked. grad: gradient norm (magnitude only). gxi: gradient × input. \
            ig: Integrated Gradients from the baseline; Δ is the completeness gap f(x) − f(x′) − Σ scores. attention, rollout: \
            where the model looks, not why it decides (Jain & Wallace 2019). faithfulness (f): comprehensiveness (the drop \
            when the top tokens are removed) and sufficiency (the drop when only they are kept), with their AOPC.
            """, style: Theme.dim)
        case .report:
            return StyledText("""
            The comparison, the ranking, the tallies and the meta-evaluation are reports computed in the background: \
            they scroll, the comparison's Tab turns to the ranking of every system and back, and any other key puts \
            the report away (and cancels its work if it is still running).
            """, style: Theme.dim)
        case .attention:
            return StyledText("""
            Attention is not explanation (Jain & Wallace 2019; Wiegreffe & Pinter 2019): a weight says where a head reads \
            from, not what the prediction depends on; different weights can give the same output. Heads that attend to [CLS], \
            [SEP] or the previous token are common and often carry little. Rollout (Abnar & Zuidema 2020) follows attention \
            through the layers with the residual connection; it too is a summary, not a causal attribution. Compare with \
            IG or SHAP in the explanation view. Head importance (Michel et al. 2019) is causal where attention is not: \
            each head's output is scaled by a gate g = 1, and the table gives the mean |∂p/∂g| of the predicted class \
            over this input (i) or the table's slice (I, up to 200 instances): how much the prediction moves if a head \
            is turned down, to first order.
            """, style: Theme.dim)
        }
    }
}
