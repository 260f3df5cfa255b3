import ErrataTestSupport
import Foundation
import Testing

/// `errata terminal` in a real terminal (tmux): drawing, input, resize, and the terminal
/// left as it was found, under full, ASCII, colourless and dumb terminals.
@Suite struct TerminalCommandTests {
    /// Runs `errata terminal` between two markers, and reports its exit status and whether
    /// the tty modes (echo, line editing) came back as they were. The shell traps SIGINT so
    /// that Ctrl-C ends errata only (a caught signal is reset to its default for children).
    static func session(width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws -> TmuxSession {
        let script = """
            trap : INT; echo errata-before; s=$(stty -g); '\(ErrataProcess.executable.path)' terminal; code=$?; \
            if [ "$s" = "$(stty -g)" ]; then tty=same; else tty=changed; fi; echo "errata-after exit=$code tty=$tty"
            """
        return try TmuxSession(command: script, width: width, height: height,
                               environment: TmuxSession.defaultEnvironment.merging(environment) { $1 })
    }

    @Test func drawsReactsToKeysAndResizeAndRestoresTheTerminal() throws {
        let tmux = try Self.session()
        defer { tmux.kill() }
        let first = try tmux.waitFor(text: "│ Quit         press q")
        #expect(first.contains("│ Capabilities 256 colours, Unicode, mouse "))
        let lines = first.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("┌─ errata terminal ─") && lines[0].hasSuffix("┐") && lines[0].count == 80)
        #expect(lines.contains { $0.hasPrefix("│ Wide         漢字テスト 한국어|  (the bar") })
        #expect(lines[23].hasPrefix("└") && lines[23].hasSuffix("┘"))
        #expect(try tmux.alternateScreenIsOn())

        try tmux.sendKeys("x")
        try tmux.waitFor(text: "Last event   key x (1 event)")
        try tmux.sendKeys("C-s")
        try tmux.waitFor(text: "Last event   key ctrl-s (2 events)")
        try tmux.sendKeys("PageDown")
        try tmux.waitFor(text: "Last event   key pgdn (3 events)")
        try tmux.sendText("\u{1B}[<0;5;3M")
        try tmux.waitFor(text: "Last event   mouse left press at 4,2 (4 events)")
        try tmux.sendText("\u{1B}[<64;1;1M")
        try tmux.waitFor(text: "Last event   mouse wheel up at 0,0 (5 events)")

        try tmux.resize(width: 100, height: 30)
        // The whole new frame: the event line can be drawn before the bottom border.
        let resized = try tmux.waitUntil("the frame at 100x30") { screen in
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return screen.contains("Last event   resize 100x30") && rows.count > 29 && rows[29].hasPrefix("└")
        }
        let rows = resized.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[0].count == 100 && rows[0].hasSuffix("┐"))
        #expect(rows[29].hasPrefix("└") && rows[29].hasSuffix("┘"))
        #expect(resized.contains("TERM=xterm-256color, 100x30 cells"))

        try tmux.sendKeys("q")
        let after = try tmux.waitFor(text: "errata-after exit=0 tty=same")
        #expect(after.contains("errata-before"))
        #expect(!after.contains("Capabilities"))
        #expect(!after.contains("errata terminal"))
        #expect(try !tmux.alternateScreenIsOn())
    }

    @Test func colourRampsUse256ColourEscapes() throws {
        let tmux = try Self.session()
        defer { tmux.kill() }
        try tmux.waitFor(text: "Quit         press q")
        let screen = try tmux.capture(colors: true)
        #expect(screen.contains("\u{1B}[48;5;196m"))
        #expect(screen.contains("\u{1B}[48;5;255m"))
        try tmux.sendKeys("q")
        try tmux.waitFor(text: "errata-after exit=0 tty=same")
    }

    @Test func ctrlCRestoresTheTerminal() throws {
        let tmux = try Self.session()
        defer { tmux.kill() }
        try tmux.waitFor(text: "Capabilities")
        try tmux.sendKeys("C-c")
        let after = try tmux.waitFor(text: "errata-after exit=130 tty=same")
        #expect(!after.contains("Capabilities"))
        #expect(try !tmux.alternateScreenIsOn())
    }

    @Test func aNonUTF8LocaleDrawsInASCII() throws {
        let tmux = try Self.session(environment: ["LANG": "C"])
        defer { tmux.kill() }
        let screen = try tmux.waitFor(text: "| Quit         press q")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("+- errata terminal --") && lines[0].hasSuffix("+"))
        #expect(lines[1].hasPrefix("| Capabilities 256 colours, ASCII only, mouse "))
        #expect(lines[7].hasPrefix("| Wide         ?????????? ??????|  (the bar"))
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII })
        try tmux.sendKeys("q")
        try tmux.waitFor(text: "errata-after exit=0 tty=same")
    }

    @Test func noColorDrawsWithAttributesOnly() throws {
        let tmux = try Self.session(environment: ["NO_COLOR": "1"])
        defer { tmux.kill() }
        #expect(try tmux.waitFor(text: "Quit         press q").contains("Capabilities no colour, Unicode, mouse"))
        let screen = try tmux.capture(colors: true)
        #expect(!screen.contains("48;5;"))
        #expect(!screen.contains("38;5;"))
        #expect(screen.contains("\u{1B}[7m"))
        try tmux.sendKeys("q")
        try tmux.waitFor(text: "errata-after exit=0 tty=same")
    }

    @Test func aDumbTerminalGetsAMessageNotAScreen() throws {
        let tmux = try Self.session(environment: ["TERM": "dumb"])
        defer { tmux.kill() }
        let screen = try tmux.waitFor(text: "errata-after exit=1 tty=same")
        #expect(screen.contains("errata: error: the terminal (TERM=dumb) cannot move the cursor"))
        #expect(try !tmux.alternateScreenIsOn())
    }

    @Test func outputToAPipeIsRefused() throws {
        let result = try ErrataProcess.run(["terminal"])
        #expect(result.status == 1)
        #expect(result.stderr == "errata: error: standard input and output must be a terminal to draw the screen (not a pipe or a file)\n")
        #expect(result.stdout.isEmpty)
    }
}
