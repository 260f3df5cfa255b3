import TerminalUI

/// The diverging colour scale of the heat view: a token's style from its score.
///
/// For the target class in red, against it in blue, as shap draws them, in five steps of
/// strength relative to the largest |score| on screen. The palette is chosen for the colours
/// the terminal has rather than left to the backend's degrading, so the sign survives every
/// depth: 256 colours use the cube's light-to-strong ramps; 8 colours use red and blue
/// backgrounds for the two strongest steps and red and blue text below; without colour the
/// strength becomes attributes (reverse, bold, plain) and the sign a marker after the token.
/// A score within two standard errors of zero is "not distinguishable from zero": dim, with no
/// colour, at every depth.
public struct HeatScale: Sendable, Equatable {
    /// The largest |score| drawn: the ends of the scale.
    public var range: Double
    /// 256, 8 or 0, as `TerminalCapabilities.colors`.
    public var colors: Int

    public init(scores: [Double], colors: Int) {
        range = scores.map(abs).filter(\.isFinite).max() ?? 0
        self.colors = colors
    }

    /// Strength of a score, 0 (zero) to 5 (the largest |score|).
    public func step(_ score: Double) -> Int {
        guard range > 0, score.isFinite else { return 0 }
        return min(5, Int((abs(score) / range * 5).rounded(.up)))
    }

    /// Whether the score cannot be told from zero: |score| ≤ 2 SE.
    public static func isUncertain(_ score: Double, se: Double?) -> Bool {
        guard let se, se.isFinite else { return false }
        return abs(score) <= 2 * se
    }

    private static let positive: [UInt8] = [224, 217, 210, 203, 196]
    private static let negative: [UInt8] = [189, 153, 111, 69, 27]

    public func style(_ score: Double, se: Double? = nil) -> Style {
        if Self.isUncertain(score, se: se) { return Style(attributes: [.dim]) }
        let strength = step(score)
        guard strength > 0 else { return Style() }
        let isFor = score > 0
        switch colors {
        case 256...:
            let background = (isFor ? Self.positive : Self.negative)[strength - 1]
            return Style(foreground: .indexed(strength >= 4 ? 231 : 16), background: .indexed(background))
        case 8...:
            let colour: Color = isFor ? .red : .blue
            return strength >= 4 ? Style(foreground: .white, background: colour, attributes: [.bold]) : Style(foreground: colour, attributes: strength >= 2 ? [.bold] : [])
        default:
            return strength >= 4 ? Style(attributes: [.reverse]) : Style(attributes: strength >= 2 ? [.bold] : [])
        }
    }

    /// Drawn after a token without colour, so the sign is never lost: `+` for, `−` against,
    /// `·` indistinguishable from zero; nothing in colour.
    public func marker(_ score: Double, se: Double? = nil) -> String? {
        guard colors == 0 else { return nil }
        if Self.isUncertain(score, se: se) { return "·" }
        return step(score) == 0 ? nil : (score > 0 ? "+" : "−")
    }

    /// The legend's swatches from strongest against to strongest for, with the numbers at
    /// the ends: `-0.400 ▕█████·█████▏ +0.400`.
    public func legend() -> StyledText {
        var text = StyledText(String(format: "−%.3f ", range))
        for strength in (1 ... 5).reversed() { text.append(swatch(-Double(strength) / 5 * range), style: style(-Double(strength) / 5 * range)) }
        text.append("0")
        for strength in 1 ... 5 { text.append(swatch(Double(strength) / 5 * range), style: style(Double(strength) / 5 * range)) }
        text.append(String(format: " +%.3f", range))
        return text
    }

    private func swatch(_ score: Double) -> String { colors == 0 ? (marker(score) ?? " ") : " " }
}
