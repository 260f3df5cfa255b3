import ErrataTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A crash or a fatal signal while the screen is up leaves a normal terminal: main screen,
/// cursor shown, mouse reporting off, tty modes as they were, and the process gone with the
/// signal's status (128 + its number).
@Suite struct TerminalSignalTests {
    /// `errata terminal` with `arguments`, between markers that report its status and whether
    /// the tty modes came back. The shell ignores the keyboard's signals, so Ctrl-\ ends errata
    /// only, and then stays (tmux reports a dead pane's cursor as hidden).
    static func session(_ arguments: String = "") throws -> TmuxSession {
        let script = """
            trap : INT QUIT HUP; echo errata-before; s=$(stty -g); '\(ErrataProcess.executable.path)' terminal \(arguments); \
            code=$?; if [ "$s" = "$(stty -g)" ]; then tty=same; else tty=changed; fi; echo "errata-after exit=$code tty=$tty"; \
            sleep 600
            """
        return try TmuxSession(command: script)
    }

    static func expectRestored(_ tmux: TmuxSession, signal: Int32) throws {
        let after = try tmux.waitFor(text: "errata-after exit=\(128 + signal) tty=same")
        #expect(!after.contains("Capabilities"))
        #expect(try !tmux.alternateScreenIsOn())
        let modes = try tmux.terminalModes()
        #expect(modes.cursorVisible && !modes.mouse && !modes.keypad)
        // The marker line shows the shell went on; errata is no longer among its children.
        #expect(try tmux.programProcessIDs().allSatisfy { pid in
            (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?.hasPrefix("errata") != true
        })
    }

    @Test(arguments: [("segv", SIGSEGV), ("ill", SIGILL), ("bus", SIGBUS), ("abrt", SIGABRT)])
    func aCrashRestoresTheTerminal(crash: String, signal: Int32) throws {
        let tmux = try Self.session("--crash-after-draw \(crash)")
        defer { tmux.kill() }
        try Self.expectRestored(tmux, signal: signal)
    }

    @Test(arguments: [SIGHUP, SIGQUIT, SIGTERM])
    func aFatalSignalRestoresTheTerminal(signal: Int32) throws {
        let tmux = try Self.session()
        defer { tmux.kill() }
        try tmux.waitFor(text: "Capabilities")
        let program = try #require(tmux.programProcessIDs().first)
        #expect(kill(program, signal) == 0)
        try Self.expectRestored(tmux, signal: signal)
    }

    @Test func ctrlBackslashRestoresTheTerminalAndEnds() throws {
        let tmux = try Self.session()
        defer { tmux.kill() }
        try tmux.waitFor(text: "Capabilities")
        try tmux.sendKeys("C-\\")
        try Self.expectRestored(tmux, signal: SIGQUIT)
    }
}
