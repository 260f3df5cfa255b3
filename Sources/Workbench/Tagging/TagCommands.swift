import ErrataCore
import Typology

/// The tagging commands of the `:` line; nil when `verb` is not one of them.
///
/// `:sample N [by COLUMN] [seed S]`, `:queue [NAME|off]`, `:disagreements`, `:tallies`,
/// `:rename PATH NAME`, `:merge PATH INTO`, `:move PATH UNDER` (`/` for the top level),
/// `:undo`, `:redo`. Paths with spaces are quoted: `:rename "Locale convention" Locale`.
func runTagCommand(_ state: inout AppState, _ verb: String, _ argument: String) -> [Effect]? {
    let words = commandWords(argument)
    func fail(_ text: String) -> [Effect] {
        state.message = .init(text: text, isError: true)
        return []
    }
    func path(_ text: String) -> CategoryPath? { CategoryPath(text) }
    switch verb {
    case "undo": return perform(&state, .undo)
    case "redo": return perform(&state, .redo)
    case "tallies": return perform(&state, .showTallies)
    case "sample": return sampleQueue(&state, words)
    case "disagreements", "disagree": return showDisagreements(&state)
    case "queue":
        switch words.first {
        case nil:
            guard let queue = state.tagging.queue, let progress = state.tagging.progress else { return fail("no work queue: :sample N draws one") }
            state.message = .init(text: "work queue \(queue.name): \(progress)", isError: false)
            return []
        case "off"?:
            state.tagging.queue = nil
            state.message = .init(text: "no work queue: w moves to the next untagged row of the table", isError: false)
            return []
        case let name?:
            return [.tagging(.loadQueue(name))]
        }
    case "rename":
        guard words.count == 2, let from = path(words[0]) else { return fail("usage: :rename PATH NEW-NAME (quote names with spaces)") }
        return [.tagging(.rename(from, to: words[1]))]
    case "merge":
        guard words.count == 2, let from = path(words[0]), let into = path(words[1]) else { return fail("usage: :merge PATH INTO-PATH") }
        return [.tagging(.merge(from, into: into))]
    case "move":
        guard words.count == 2, let from = path(words[0]) else { return fail("usage: :move PATH UNDER-PATH (/ for the top level)") }
        if words[1] == "/" { return [.tagging(.move(from, under: nil))] }
        guard let under = path(words[1]) else { return fail("usage: :move PATH UNDER-PATH (/ for the top level)") }
        return [.tagging(.move(from, under: under))]
    default:
        return nil
    }
}
