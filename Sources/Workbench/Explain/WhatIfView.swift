import ErrataCore
import Foundation
import TerminalUI

/// The what-if editor: the original input and its prediction, the edited text in a field,
/// and the prediction of the edit beside the original's, with the change of each class.
struct WhatIfView: View {
    let whatIf: WhatIfState
    let classes: [String]

    func draw(in rect: Rect, into buffer: inout ScreenBuffer) {
        let inner = overlayBox(&buffer, rect, title: "What if · \(whatIf.instance) · \(whatIf.system) · type to edit · Tab explains the edit · Enter keeps it · Esc leaves")
        guard inner.height >= 6 else { return }
        var y = inner.y
        buffer.write("original", x: inner.x, y: y, style: Theme.header)
        y += 1
        y += StyledText(whatIf.original, style: Theme.dim).draw(in: Rect(x: inner.x + 2, y: y, width: inner.width - 2, height: 3), into: &buffer)
        buffer.write("edited", x: inner.x, y: y, style: Theme.header)
        y += 1
        whatIf.field.draw(x: inner.x + 2, y: y, width: inner.width - 2, into: &buffer, cursorStyle: Theme.selected)
        y += 2
        buffer.write(DisplayWidth.pad("class", to: 14) + DisplayWidth.pad("original", to: 10, alignRight: true) + DisplayWidth.pad("edited", to: 10, alignRight: true)
                     + DisplayWidth.pad("change", to: 10, alignRight: true), x: inner.x, y: y, style: Theme.header, maxWidth: inner.width)
        y += 1
        for (index, name) in classes.enumerated() where y < inner.maxY - 2 {
            let before = whatIf.before.map { $0.probabilities[index] }
            let after = whatIf.after.map { $0.probabilities[index] }
            let change = zip2(before, after).map { String(format: "%+.3f", $1 - $0) } ?? "—"
            let line = DisplayWidth.pad(name, to: 14) + DisplayWidth.pad(before.map { String(format: "%.3f", $0) } ?? "—", to: 10, alignRight: true)
                + DisplayWidth.pad(after.map { String(format: "%.3f", $0) } ?? "—", to: 10, alignRight: true) + DisplayWidth.pad(change, to: 10, alignRight: true)
            buffer.write(line, x: inner.x, y: y, maxWidth: inner.width)
            y += 1
        }
        let verdict: (String, Style)
        if let error = whatIf.error {
            verdict = (error, Theme.error)
        } else if let before = whatIf.before, let after = whatIf.after, whatIf.afterText == whatIf.field.text, whatIf.field.text != whatIf.original {
            verdict = before.label == after.label ? ("prediction stays \(after.label)", Theme.info) : ("prediction flips: \(before.label) → \(after.label)", Theme.worse)
        } else {
            verdict = (whatIf.field.text == whatIf.original ? "edit the text: the model runs again as you type" : "predicting…", Theme.dim)
        }
        buffer.write(verdict.0, x: inner.x, y: inner.maxY - 2, style: verdict.1, maxWidth: inner.width)
        let flips = whatIf.kept.filter(\.flipped).count
        if !whatIf.kept.isEmpty {
            buffer.write("kept here: \(whatIf.kept.count) edits, \(flips) flipped the prediction", x: inner.x, y: inner.maxY - 1, style: Theme.dim, maxWidth: inner.width)
        }
    }
}

private func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
