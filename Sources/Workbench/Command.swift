/// Everything a user can do in the workbench, by name.
///
/// Keys map to commands through the `Keymap` (data, not code), so the help overlay and the
/// status-bar hints are drawn from the same table that dispatches keys, and a recorded list
/// of commands can be replayed in tests.
public enum Command: String, NamedCommand {
    case moveDown = "move-down"
    case moveUp = "move-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case moveToFirst = "move-to-first"
    case moveToLast = "move-to-last"
    case focusNext = "focus-next"
    case focusPrevious = "focus-previous"
    case open = "open"
    case narrow = "narrow"
    case close = "close"
    case showHelp = "help"
    case showCompare = "compare"
    case beginCommand = "command-line"
    case beginSearch = "search"
    case nextMatch = "next-match"
    case previousMatch = "previous-match"
    case sortByColumn = "sort"
    case reverseSort = "reverse-sort"
    case nextMetric = "next-metric"
    case scrollRight = "scroll-right"
    case scrollLeft = "scroll-left"
    case pickSystems = "pick-systems"
    case sortByDifference = "sort-by-difference"
    case showRanking = "rank"
    case tag = "tag"
    case nextUntagged = "next-untagged"
    case showTallies = "tallies"
    case undo = "undo"
    case redo = "redo"
    case saveSuggestion = "save-suggestion"
    case quit = "quit"

    /// One line for the help overlay.
    public var help: String {
        switch self {
        case .moveDown: "next row"
        case .moveUp: "previous row"
        case .pageDown: "next page"
        case .pageUp: "previous page"
        case .moveToFirst: "first row"
        case .moveToLast: "last row"
        case .focusNext: "next pane"
        case .focusPrevious: "previous pane"
        case .open: "filter by slice / open row"
        case .narrow: "and the slice to the filter"
        case .close: "close, cancel, unfilter"
        case .showHelp: "this help"
        case .showCompare: "compare systems per slice"
        case .beginCommand: "command line"
        case .beginSearch: "search the table"
        case .nextMatch: "next search match"
        case .previousMatch: "previous search match"
        case .sortByColumn: "sort by the next column"
        case .reverseSort: "reverse the sort order"
        case .nextMetric: "next metric"
        case .scrollRight: "columns to the right (id, input stay)"
        case .scrollLeft: "columns to the left"
        case .pickSystems: "pick and order the systems shown"
        case .sortByDifference: "sort by next system − baseline"
        case .showRanking: "rank all systems, with clusters"
        case .tag: "tag the instance"
        case .nextUntagged: "next untagged (queue)"
        case .showTallies: "tallies per slice"
        case .undo: "undo the last tag action"
        case .redo: "redo"
        case .saveSuggestion: "save the suggested slice as a named slice"
        case .quit: "quit"
        }
    }

    /// A short word for the status-bar hints.
    public var hint: String {
        switch self {
        case .showHelp: "help"
        case .beginCommand: "command"
        case .beginSearch: "search"
        case .showCompare: "compare"
        case .open: "open"
        case .focusNext: "pane"
        case .sortByColumn: "sort"
        case .nextMetric: "metric"
        case .quit: "quit"
        default: rawValue
        }
    }
}
