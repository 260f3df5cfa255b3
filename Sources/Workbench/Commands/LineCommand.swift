import ErrataCore

/// A `:` command, as data: its name, aliases, arguments and help, and what it does.
///
/// The one table of them (`LineCommand.all`) dispatches what is typed, completes names on
/// Tab, names the commands in error messages, draws the help overlay's command list and
/// writes the table in docs/user-guide.md (a test keeps the page equal to it), so the five
/// can no longer drift apart.
struct LineCommand: Sendable {
    let name: String
    let aliases: [String]
    /// How the arguments are written in help: `EXPR`, `N [by COLUMN] [seed S] [as NAME]`.
    let arguments: String
    let help: String
    /// Runs the command with its argument text (trimmed; empty when none was given).
    let run: @Sendable (inout AppState, String) -> [Effect]

    init(_ name: String, aliases: [String] = [], arguments: String = "", help: String,
         run: @escaping @Sendable (inout AppState, String) -> [Effect]) {
        self.name = name
        self.aliases = aliases
        self.arguments = arguments
        self.help = help
        self.run = run
    }

    /// `:slice EXPR`, as help and usage messages write it.
    var usage: String { ":" + name + (arguments.isEmpty ? "" : " " + arguments) }

    /// The command called `name` or one of its aliases.
    static func named(_ name: String) -> LineCommand? {
        all.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// Names (not aliases) starting with `prefix`, in table order: what Tab completes to.
    static func completions(of prefix: String) -> [String] {
        all.map(\.name).filter { $0.hasPrefix(prefix) }
    }

    /// The table as docs/user-guide.md shows it.
    static var markdownTable: String {
        var lines = ["| command | does |", "| --- | --- |", "| `:N` | jump to row N of the table |"]
        for command in all {
            let names = ([command.usage] + command.aliases.map { ":" + $0 }).map { "`\($0.replacingOccurrences(of: "|", with: "\\|"))`" }
            lines.append("| \(names.joined(separator: ", ")) | \(command.help) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Runs a line typed after `:`: a row number, or a command of the table with its argument.
func runCommand(_ state: inout AppState, _ text: String) -> [Effect] {
    let (verb, argument) = splitVerb(text)
    if let row = Int(verb) { return jumpToRow(&state, row) }
    guard let command = LineCommand.named(verb) else {
        let hint = closest(verb, among: LineCommand.all.map(\.name)).map { "; did you mean :\($0)?" } ?? ""
        state.message = .init(text: "unknown command ':\(verb)'\(hint) (commands: \(LineCommand.all.map(\.name).joined(separator: ", ")); :N jumps to row N)",
                              isError: true)
        return []
    }
    return command.run(&state, argument)
}

/// Completes the command name being typed (Tab): the one name it can still become, else the
/// names it can become, in the status line.
func completeCommand(_ state: inout AppState, _ text: String) -> String {
    guard !text.contains(" ") else { return text }
    let names = LineCommand.completions(of: text)
    switch names.count {
    case 0:
        state.message = .init(text: "no command starts with '\(text)'", isError: true)
        return text
    case 1:
        return names[0] + " "
    default:
        state.message = .init(text: names.map { ":" + $0 }.joined(separator: "  "), isError: false)
        let common = names.dropFirst().reduce(names[0]) { String($0.commonPrefix(with: $1)) }
        return common
    }
}

/// The usage line of the command `name`, as an error in the status line.
func showUsage(_ state: inout AppState, _ name: String, _ extra: String = "") -> [Effect] {
    let usage = LineCommand.named(name)?.usage ?? ":" + name
    state.message = .init(text: "usage: \(usage)\(extra)", isError: true)
    return []
}

private func splitVerb(_ text: String) -> (String, String) {
    guard let space = text.firstIndex(of: " ") else { return (text, "") }
    return (String(text[..<space]), text[space...].trimmingCharacters(in: .whitespaces))
}

private func jumpToRow(_ state: inout AppState, _ row: Int) -> [Effect] {
    guard (1 ... max(1, state.rows.count)).contains(row), !state.rows.isEmpty else {
        state.message = .init(text: "no row \(row): the table has \(state.rows.count)", isError: true)
        return []
    }
    state.focus = .table
    state.tableCursor = row - 1
    clampCursors(&state)
    return []
}
