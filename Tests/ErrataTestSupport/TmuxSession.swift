import Foundation

/// A program running in a detached tmux pane, driven and read as a user would see it.
///
/// End-to-end tests of the terminal backend need a real terminal; tmux is one that can be
/// sized, typed into, resized and read back as text (with `-e`, with colour escapes). Each
/// session runs on its own server (`-L errata-test-<uuid>`), so tests never touch a user's
/// tmux and can run in parallel. The pane stays after the program exits
/// (`remain-on-exit`), so a test can read what the terminal looks like afterwards; to learn
/// a program's exit status, have the command print it (tmux's own `pane_dead_status` is
/// sometimes never filled in). The command runs under `sh -c` with a clean environment: `PATH`, `HOME`,
/// an `XDG_STATE_HOME` of its own and `environment` only, so a developer's `NO_COLOR` or `LC_ALL`
/// cannot leak in, and the datasets a test opens never join the developer's recent list.
public final class TmuxSession {
    /// tmux's output and the status of a command that failed.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static let defaultEnvironment = ["LANG": "C.UTF-8", "TERM": "xterm-256color"]

    /// The session's name on its private server (commands address its only pane through it).
    private static let target = "errata"

    private let socket = "errata-test-\(UUID().uuidString)"
    private let configuration: URL
    /// The session's `XDG_STATE_HOME` (where errata keeps its recent datasets), removed with it.
    public let stateDirectory: URL
    private var running = true

    public init(command: String, width: Int = 80, height: Int = 24,
                environment: [String: String] = TmuxSession.defaultEnvironment) throws {
        configuration = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).conf")
        try Data("set -g remain-on-exit on\nset -g status off\n".utf8).write(to: configuration)
        stateDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket)-state")
        let inherited = ProcessInfo.processInfo.environment
        let variables = ["PATH": inherited["PATH"] ?? "/usr/bin:/bin", "HOME": inherited["HOME"] ?? "/",
                         "XDG_STATE_HOME": stateDirectory.path]
            .merging(environment) { $1 }
            .sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value)" }
        try tmux(["-f", configuration.path, "new-session", "-d", "-s", TmuxSession.target, "-x", String(width), "-y", String(height)]
            + ["env", "-i"] + variables + ["sh", "-c", command])
    }

    deinit {
        kill()
    }

    /// Sends keys by tmux name: `"q"`, `"Enter"`, `"Up"`, `"C-c"`, `"F5"`.
    public func sendKeys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", TmuxSession.target] + keys)
    }

    /// Types `text` literally, character by character.
    public func sendText(_ text: String) throws {
        try tmux(["send-keys", "-t", TmuxSession.target, "-l", text])
    }

    /// Resizes the window, as dragging a terminal window's corner does (the program gets SIGWINCH).
    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", TmuxSession.target, "-x", String(width), "-y", String(height)])
    }

    /// The visible screen, one line per row (tmux trims trailing spaces); with `colors`,
    /// including the escape sequences for colours and attributes.
    public func capture(colors: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", TmuxSession.target] + (colors ? ["-e"] : []))
    }

    /// Polls the screen until it contains `text` and returns it.
    /// - Throws: `Failure` with the last screen when `timeout` passes first.
    @discardableResult
    public func waitFor(text: String, timeout: Duration = .seconds(15)) throws -> String {
        try waitUntil(text.debugDescription, timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen until `condition` holds and returns it: for states a single text
    /// cannot tell apart, such as a frame redrawn after a resize (the old frame may still
    /// hold the same words, or be only half overwritten).
    /// - Throws: `Failure` naming `what`, with the last screen, when `timeout` passes first.
    @discardableResult
    public func waitUntil(_ what: String, timeout: Duration = .seconds(15), _ condition: (String) -> Bool) throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            let screen = try capture()
            if condition(screen) { return screen }
            guard ContinuousClock.now < deadline else {
                let failure = Failure(description: "timed out waiting for \(what) (\(timeout)); the screen:\n\(screen)")
                // Also on standard output: a loaded full run has been seen to count the issue
                // without printing it, which left no trace of the screen.
                print(failure.description)
                throw failure
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// True while the program has the terminal's alternate screen on (curses mode).
    public func alternateScreenIsOn() throws -> Bool {
        try display("#{alternate_on}") == "1"
    }

    /// The terminal's modes as the program left them: whether the cursor is shown, whether
    /// any mouse reporting is on, whether the keypad sends application sequences.
    public func terminalModes() throws -> (cursorVisible: Bool, mouse: Bool, keypad: Bool) {
        let flags = try display("#{cursor_flag} #{mouse_any_flag} #{keypad_flag}").split(separator: " ")
        return (flags[0] == "1", flags[1] == "1", flags[2] == "1")
    }

    /// The process ids of the pane's shell's children (the program it runs in the foreground).
    public func programProcessIDs() throws -> [Int32] {
        let shell = try display("#{pane_pid}")
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { Int32($0) }
    }

    /// Stops the tmux server of this session and removes its socket (tmux leaves it behind)
    /// and configuration; idempotent.
    public func kill() {
        guard running else { return }
        running = false
        let socketPath = try? display("#{socket_path}")
        _ = try? tmux(["kill-server"])
        if let socketPath, !socketPath.isEmpty { try? FileManager.default.removeItem(atPath: socketPath) }
        try? FileManager.default.removeItem(at: configuration)
        try? FileManager.default.removeItem(at: stateDirectory)
    }

    private func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", TmuxSession.target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let result = try ChildProcess.run(["tmux", "-L", socket] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.errors)")
        }
        return result.output
    }
}
