import ErrataCore
import Typology

extension LineCommand {
    /// Every `:` command, in the order help lists them.
    static let all: [LineCommand] = browsing + tagging

    static let browsing: [LineCommand] = [
        LineCommand("slice", aliases: ["where", "filter"], arguments: "EXPR", help: "filter the table by a slice expression ([slices.md](slices.md))") { state, argument in
            guard !argument.isEmpty else { return showUsage(&state, "slice") }
            return applyFilter(&state, argument)
        },
        LineCommand("clear", aliases: ["all"], help: "show all instances") { state, _ in applyFilter(&state, nil) },
        LineCommand("save", arguments: "NAME", help: "save the current filter as a named slice (`.errata/<dataset>/slices.json`)") { state, argument in
            guard !argument.isEmpty else { return showUsage(&state, "save") }
            guard let filter = state.filter else {
                state.message = .init(text: "nothing to save: filter first with :slice EXPR", isError: true)
                return []
            }
            return state.start(.saveSlice(name: argument, filter: filter), label: "saving slice \(argument)…")
        },
        LineCommand("sort", arguments: "COLUMN [asc|desc]",
                    help: "sort by `id`, an input, `label`, a system, `metric(SYSTEM)`, `delta` (the difference column) or `delta A B` (B's metric minus A's)",
                    run: sortCommand),
        LineCommand("metric", arguments: "NAME", help: "switch the metric") { state, argument in
            guard !argument.isEmpty else { return showUsage(&state, "metric", " (\(state.analysis.metricNames.joined(separator: ", ")))") }
            return setMetric(&state, argument)
        },
        LineCommand("by", aliases: ["group"], arguments: "EXPR", help: "add one sidebar slice per value of an expression, e.g. `:by tokens(reference) > 25`") { state, argument in
            guard !argument.isEmpty else { return showUsage(&state, "by") }
            if let error = syntaxError(argument) {
                state.message = .init(text: error, isError: true)
                return []
            }
            return state.start(.sidebar(state.sidebarRequest(groupings: state.groupings + [argument])), label: "grouping by \(argument)…")
        },
        LineCommand("metaeval", arguments: "[METRIC,...]",
                    help: "how the automatic metrics (default chrf, bleu, ter) agree with MQM, per slice, system and segment level",
                    run: startMetaEvaluation),
        LineCommand("systems", arguments: "[A,B,...]",
                    help: "choose the systems shown and compared, in order (the first is the baseline); remembered for the dataset; no argument: the picker (`p`)",
                    run: systemsCommand),
        LineCommand("rank", help: "rank every system on the filter's instances, with significance clusters (`R`)") { state, _ in openRanking(&state) },
        LineCommand("discover", arguments: "[SYSTEM] [versus OTHER]",
                    help: "find the slices where a system fails most, or loses to another (SliceLine; each tested, Holm-corrected); they fill the sidebar's suggestions, `S` saves one") { state, argument in
            let words = commandWords(argument)
            let known = state.analysis.dataset.systems.map(\.name)
            guard words.count <= 3, words.count != 2, words.count < 3 || words[1] == "versus" else { return showUsage(&state, "discover") }
            let system = words.first ?? state.systems.first
            let versus = words.count == 3 ? words[2] : nil
            guard let system else { return showUsage(&state, "discover", ": this dataset has no system") }
            if let unknown = ([system] + (versus.map { [$0] } ?? [])).first(where: { !known.contains($0) }) {
                state.message = .init(text: "unknown system '\(unknown)' (systems: \(known.joined(separator: ", ")))", isError: true)
                return []
            }
            return state.startDiscovery(DiscoveryRequest(system: system, versus: versus))
        },
        LineCommand("help", help: "every key and command (`?`)") { state, _ in
            state.overlay = .help(.browse, back: nil)
            return []
        },
        LineCommand("explain", arguments: "[METHOD]", help: "explain the input of the row under the cursor (`a` in the instance view)") { state, argument in
            guard !state.rows.isEmpty else { return showUsage(&state, "explain", ": the table is empty") }
            guard argument.isEmpty || ExplanationMethod(rawValue: argument) != nil else {
                return showUsage(&state, "explain", " (methods: \(ExplanationMethod.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return openExplanation(&state, row: state.tableCursor, method: ExplanationMethod(rawValue: argument) ?? .ig)
        },
        LineCommand("open", arguments: "[PATH|NAME]", help: "open another dataset (a path, or a bundled dataset's name); no argument: the start screen") { _, argument in
            [.open(argument.isEmpty ? nil : argument)]
        },
        LineCommand("quit", aliases: ["q"], help: "quit (`q`)") { _, _ in [.quit] },
    ]

    static let tagging: [LineCommand] = [
        LineCommand("sample", arguments: "N [by COLUMN] [seed S] [as NAME]", help: "a seeded, stratified sample of the filter as the work queue") { state, argument in
            sampleQueue(&state, commandWords(argument))
        },
        LineCommand("queue", arguments: "[NAME|off]", help: "resume a saved queue, show progress (no argument), stop using one (`off`)", run: queueCommand),
        LineCommand("disagreements", aliases: ["disagree"], help: "the instances where annotators disagree (the adjudication queue)") { state, _ in
            showDisagreements(&state)
        },
        LineCommand("tallies", help: "the tallies overlay (`T`)") { state, _ in perform(&state, .showTallies) },
        LineCommand("rename", arguments: "PATH NAME", help: "rename a category; tags follow (quote names with spaces)") { state, argument in
            let words = commandWords(argument)
            guard words.count == 2, let from = CategoryPath(words[0]) else { return showUsage(&state, "rename") }
            return [.tagging(.rename(from, to: words[1]))]
        },
        LineCommand("merge", arguments: "PATH INTO", help: "merge a category into another; tags follow") { state, argument in
            let words = commandWords(argument)
            guard words.count == 2, let from = CategoryPath(words[0]), let into = CategoryPath(words[1]) else { return showUsage(&state, "merge") }
            return [.tagging(.merge(from, into: into))]
        },
        LineCommand("move", arguments: "PATH UNDER", help: "move a category under another (`/` is the top level); tags follow") { state, argument in
            let words = commandWords(argument)
            guard words.count == 2, let from = CategoryPath(words[0]) else { return showUsage(&state, "move") }
            if words[1] == "/" { return [.tagging(.move(from, under: nil))] }
            guard let under = CategoryPath(words[1]) else { return showUsage(&state, "move") }
            return [.tagging(.move(from, under: under))]
        },
        LineCommand("undo", help: "undo the last tag action (`u`)") { state, _ in perform(&state, .undo) },
        LineCommand("redo", help: "redo (`U`, `Ctrl-R`)") { state, _ in perform(&state, .redo) },
    ]
}

/// The error of an expression that does not parse, as the status line shows it; nil when it
/// parses (whether it evaluates is for the job to find out).
func syntaxError(_ expression: String) -> String? {
    do {
        _ = try SliceExpression.parse(expression)
        return nil
    } catch let error as SliceError {
        return "column \(error.column): \(error.message)"
    } catch {
        return "\(error)"
    }
}

private func sortCommand(_ state: inout AppState, _ argument: String) -> [Effect] {
    let parts = commandWords(argument)
    if parts.first == "delta", parts.count >= 3 {
        guard parts.count == 3 || (parts.count == 4 && ["asc", "desc"].contains(parts[3])) else { return showUsage(&state, "sort") }
        return sortByDifference(&state, parts[1], parts[2], descending: parts.count == 4 ? parts[3] == "desc" : nil)
    }
    let columns = TableColumn.columns(for: state).filter(\.isSortable)
    let labelName = state.analysis.dataset.label?.name ?? "label"
    guard let name = parts.first,
          let column = columns.first(where: { $0.title(metric: state.metric, labelName: labelName) == name || $0.sortName == name }) else {
        state.message = .init(text: "sort by one of: \(columns.map(\.sortName).joined(separator: ", "))", isError: true)
        return []
    }
    let descending = parts.count > 1 ? parts[1] == "desc" : column.isNumeric && state.analysis.higherIsBetter(metric: state.metric)
    return state.start(.sort(rows: state.rows, by: .init(column: column, descending: descending), metric: state.metric),
                       label: "sorting \(state.rows.count) rows…")
}

private func systemsCommand(_ state: inout AppState, _ argument: String) -> [Effect] {
    var seen: Set<String> = []
    let names = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
    let known = state.analysis.dataset.systems.map(\.name)
    if let unknown = names.first(where: { !known.contains($0) }) {
        state.message = .init(text: "unknown system '\(unknown)' (systems: \(known.joined(separator: ", ")))", isError: true)
        return []
    }
    guard !names.isEmpty else { return openPicker(&state) }
    return chooseSystems(&state, names)
}

private func queueCommand(_ state: inout AppState, _ argument: String) -> [Effect] {
    switch commandWords(argument).first {
    case nil:
        guard let queue = state.tagging.queue, let progress = state.tagging.progress else {
            state.message = .init(text: "no work queue: :sample N draws one", isError: true)
            return []
        }
        state.message = .init(text: "work queue \(queue.name): \(progress)", isError: false)
        return []
    case "off"?:
        state.tagging.queue = nil
        state.message = .init(text: "no work queue: w moves to the next untagged row of the table", isError: false)
        return []
    case let name?:
        return [.tagging(.loadQueue(name))]
    }
}
