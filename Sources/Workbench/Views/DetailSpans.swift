import ErrataCore
import TerminalUI
import Typology

/// How severe a span's error is, for its colour: MQM's levels, and none for a tag without a
/// severity.
enum SpanLevel: Int, Comparable, CaseIterable {
    case none, neutral, minor, major

    /// MQM's names as they are; another typology's severities by their place in its list
    /// (the most severe is drawn as major, the next as minor, the rest as neutral).
    init(_ severity: String?, typology: Typology) {
        guard let severity else { self = .none; return }
        switch severity.lowercased() {
        case "major", "critical": self = .major
        case "minor": self = .minor
        case "neutral": self = .neutral
        default:
            let levels = typology.severities
            guard let index = levels.firstIndex(of: severity) else { self = .none; return }
            self = index == levels.count - 1 ? .major : index == levels.count - 2 ? .minor : .neutral
        }
    }

    static func < (a: SpanLevel, b: SpanLevel) -> Bool { a.rawValue < b.rawValue }

    var name: String {
        switch self {
        case .none: "none"
        case .neutral: "neutral"
        case .minor: "minor"
        case .major: "major"
        }
    }
}

/// The styles of annotated spans, chosen for the colours the terminal has (as the heat
/// view's scale is): backgrounds by severity in colour; without colour, attributes (major
/// bold and underlined, minor underlined, neutral and none dim and underlined). Where spans
/// overlap the most severe one's style shows, and the overlap is marked (bold and underlined
/// in colour, italic without), so that two annotators' spans over the same words stay apart
/// from one span over them; the status line lists every span under the cursor.
struct SpanPalette {
    /// 256, 8 or 0, as `TerminalCapabilities.colors`.
    let colors: Int

    func style(_ level: SpanLevel, overlapping: Bool) -> Style {
        var style: Style
        switch colors {
        case 256...:
            let background: UInt8 = switch level {
            case .major: 210
            case .minor: 222
            case .neutral: 151
            case .none: 153
            }
            style = Style(foreground: .indexed(16), background: .indexed(background))
        case 8...:
            style = switch level {
            case .major: Style(foreground: .white, background: .red)
            case .minor: Style(foreground: .black, background: .yellow)
            case .neutral: Style(foreground: .black, background: .green)
            case .none: Style(foreground: .black, background: .cyan)
            }
        default:
            style = switch level {
            case .major: Style(attributes: [.bold, .underline])
            case .minor: Style(attributes: [.underline])
            case .neutral, .none: Style(attributes: [.dim, .underline])
            }
        }
        if overlapping { style.attributes.formUnion(colors >= 8 ? [.bold, .underline] : [.italic]) }
        return style
    }

    /// The span being marked: reverse video at every depth.
    var selection: Style { Style(attributes: [.reverse]) }

    /// The cursor's character: unlike any span's or the selection's style.
    var cursor: Style {
        colors >= 8 ? Style(foreground: .indexed(16), background: .indexed(colors >= 256 ? 51 : 6), attributes: [.bold]) : Style(attributes: [.reverse, .bold, .italic])
    }

    /// `text` with `marks` styled by level, then the selection, then the cursor over them.
    func text(_ text: String, marks: [(span: TextSpan, level: SpanLevel)], selection: TextSpan?, cursor: Int?) -> StyledText {
        let boundaries = Array(Set(marks.flatMap { [$0.span.start, $0.span.end] })).sorted()
        var styling: [(range: Range<Int>, style: Style)] = []
        for (start, end) in zip(boundaries, boundaries.dropFirst()) {
            let covering = marks.filter { $0.span.start <= start && end <= $0.span.end }
            guard let level = covering.map(\.level).max() else { continue }
            styling.append((start ..< end, style(level, overlapping: covering.count > 1)))
        }
        if let selection { styling.append((selection.start ..< selection.end, self.selection)) }
        if let cursor { styling.append((cursor ..< cursor + 1, self.cursor)) }
        return StyledText(text: text, styling: styling)
    }

    /// The key to the colours, for the view's bottom line.
    var legend: StyledText {
        var text = StyledText()
        for level in SpanLevel.allCases.reversed() {
            text.append(" \(level.name) ", style: style(level, overlapping: false))
            text.append(" ")
        }
        text.append(" overlap ", style: style(.minor, overlapping: true))
        return text
    }
}
