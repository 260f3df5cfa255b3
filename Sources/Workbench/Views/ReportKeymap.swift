import ErrataCore
import TerminalUI
import Typology

/// The keys of the report overlays (the per-slice comparison and the ranking, the tallies,
/// the meta-evaluation): they scroll, the comparison turns its page, `?` shows these keys, and
/// any other key closes them, as a report read and put away.
public enum ReportCommand: String, NamedCommand {
    case down, up
    case pageDown = "page-down"
    case pageUp = "page-up"
    case first, last
    case switchPage = "switch-page"
    case help, quit

    public var help: String {
        switch self {
        case .down: "scroll down a line"
        case .up: "scroll up a line"
        case .pageDown: "scroll down a page"
        case .pageUp: "scroll up a page"
        case .first: "the top"
        case .last: "the bottom"
        case .switchPage: "the other page (comparison per slice, ranking of every system)"
        case .help: "these keys"
        case .quit: "quit"
        }
    }

    /// The first line shown after this command over `lines` lines, `page` at a time.
    func scrolled(_ top: Int, lines: Int, page: Int) -> Int? {
        let last = max(0, lines - 1)
        switch self {
        case .down: return min(last, top + 1)
        case .up: return max(0, top - 1)
        case .pageDown: return min(last, top + page)
        case .pageUp: return max(0, top - page)
        case .first: return 0
        case .last: return last
        case .switchPage, .help, .quit: return nil
        }
    }
}

public typealias ReportKeymap = KeyTable<ReportCommand>

extension KeyTable where Name == ReportCommand {
    public static let report = ReportKeymap(bindings: moving(down: .down, up: .up, pageDown: .pageDown, pageUp: .pageUp, first: .first, last: .last) + [
        .init(key: .tab, command: .switchPage, label: "Tab"),
        .init(key: .backTab, command: .switchPage, label: "Shift-Tab"),
        .init(key: .character("?"), command: .help, label: "?"),
        .init(key: .character("q"), command: .quit, label: "q"),
    ])
}

/// The comparison overlay's own state: which page, where it is scrolled, and what its jobs
/// brought back (nil while they run).
public struct CompareState: Sendable, Equatable {
    public enum Page: Sendable, Equatable { case slices, ranking }

    public var page: Page
    /// The first slice (or ranked system) shown: the view scrolls by them.
    public var top = 0
    public var comparison: Comparison?
    public var ranking: Ranking?

    public init(page: Page) {
        self.page = page
    }

    /// What the view scrolls through on its page.
    var lines: Int {
        page == .ranking ? ranking?.entries.count ?? 0 : Set(comparison?.rows.map(\.slice) ?? []).count
    }
}

/// The tallies overlay's own state: the counts and where they are scrolled.
public struct TalliesState: Sendable, Equatable {
    public var tallies: Tallies
    public var top = 0
}

extension AppState.Overlay {
    /// This overlay changed by `change`, or, when a help is shown over another overlay, the one
    /// beneath it: a job's result reaches its view whichever is on top. `change` returns an
    /// overlay that is not its view unchanged, so a result for a closed view is dropped.
    func beneathHelp(_ change: (Self) -> Self) -> Self {
        if case .help(let context, let back?) = self { return .help(context, back: back.beneathHelp(change)) }
        return change(self)
    }
}

extension AppState {
    /// Applies a job's result to the overlay it belongs to (see `Overlay.beneathHelp`).
    mutating func updateOverlay(_ change: (Overlay) -> Overlay) {
        overlay = overlay?.beneathHelp(change)
    }
}
