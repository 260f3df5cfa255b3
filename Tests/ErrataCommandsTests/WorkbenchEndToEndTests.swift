import ErrataTestSupport
import Foundation
import Testing

/// The workbench as a user meets it: `errata` alone in a real terminal (tmux) opens the demo;
/// moving, a slice expression, the compare view, resizing (down to below the minimum), help,
/// and quitting with the terminal left as it was.
@Suite struct WorkbenchEndToEndTests {
    static let demo = Result { try Fixtures.demoCopy() }

    static func session(arguments: String = "", width: Int = 120, height: Int = 30, term: String = "xterm-256color") throws -> TmuxSession {
        let script = """
            trap : INT; echo errata-before; s=$(stty -g); '\(ErrataProcess.executable.path)' \(arguments); code=$?; \
            if [ "$s" = "$(stty -g)" ]; then tty=same; else tty=changed; fi; echo "errata-after exit=$code tty=$tty"
            """
        var environment = TmuxSession.defaultEnvironment
        // A copy of the demo, so that the session's saved slices and tags stay out of the repository.
        environment["ERRATA_DATASETS"] = try (Self.demo.get().0.url.path)
        environment["TERM"] = term
        return try TmuxSession(command: script, width: width, height: height, environment: environment)
    }

    /// The dataset a test session opens is remembered in the session's own state folder, so
    /// running the tests never adds temporary folders to a developer's recent datasets.
    @Test func aTestSessionKeepsItsRecentDatasetsToItself() throws {
        let tmux = try Self.session()
        defer { tmux.kill() }
        try tmux.waitFor(text: "? help  : command  / search")
        let recent = tmux.stateDirectory.appendingPathComponent("errata/recent")
        let remembered = try String(contentsOf: recent, encoding: .utf8)
        #expect(remembered == URL(fileURLWithPath: try Self.demo.get().1).standardizedFileURL.path + "\n")
        try tmux.sendKeys("q")
    }

    @Test func browseSliceCompareResizeAndQuit() throws {
        let tmux = try Self.session()
        defer { tmux.kill() }
        // The hints are the frame's last line: once they are drawn, the whole first frame is.
        let first = try tmux.waitFor(text: "? help  : command  / search")
        #expect(first.contains("errata · wmt17-en-de · 3004 instances · generation"))
        #expect(first.contains("Slices") && first.contains("newstest2017-0001"))

        try tmux.sendKeys("j", "j", "Down")
        try tmux.waitFor(text: "row 4 of 3004")

        try tmux.sendKeys(":")
        try tmux.sendText("slice chrf(LIUM-NMT) < 30")
        try tmux.sendKeys("Enter")
        let sliced = try tmux.waitFor(text: "instances: chrf(LIUM-NMT) < 30")
        #expect(sliced.contains("Instances · chrf(LIUM-NMT) < 30"))

        try tmux.sendKeys(":")
        try tmux.sendText("slice lenght(reference) > 3")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "column 1: unknown function 'lenght'; did you mean 'length'?")

        try tmux.sendKeys("c")
        let compare = try tmux.waitFor(text: "Holm-adjusted p < 0.05 (randomization", timeout: .seconds(60))
        #expect(compare.contains("Compare · chrf · baseline LIUM-NMT"))
        #expect(compare.contains("95% CI of delta") && compare.contains("C-3MA"))
        try tmux.sendKeys("Escape")

        try tmux.resize(width: 70, height: 20)
        // Narrow, the table takes the whole width: the sidebar goes (the old, wide frame has
        // the same table title, so wait for the sidebar to leave).
        let narrow = try tmux.waitUntil("the 70x20 frame without the sidebar") { screen in
            screen.contains("┌─ Instances · chrf(LIUM-NMT) < 30") && !screen.contains("Slices")
        }
        #expect(narrow.split(separator: "\n").count <= 20)
        try tmux.resize(width: 30, height: 8)
        try tmux.waitFor(text: "errata needs at least 40×10")
        try tmux.resize(width: 100, height: 30)
        try tmux.sendKeys("?")
        try tmux.waitFor(text: "Help · any key closes")
        try tmux.sendKeys("x")
        try tmux.waitFor(text: "? help  : command")

        try tmux.sendKeys("q")
        let after = try tmux.waitFor(text: "errata-after exit=0 tty=same")
        #expect(!after.contains("Slices") && !after.contains("Instances"))
        #expect(try !tmux.alternateScreenIsOn())
    }

    @Test func aDumbTerminalGetsAMessageNotAScreen() throws {
        let tmux = try Self.session(arguments: "open wmt17-en-de", term: "dumb")
        defer { tmux.kill() }
        let screen = try tmux.waitFor(text: "errata-after exit=1 tty=same")
        #expect(screen.contains("errata: error:") && screen.contains("dumb"))
        #expect(screen.contains("use errata summary, compare or slice"))
    }

    @Test func noArgumentsOnADumbTerminalPrintsTheSummary() throws {
        let tmux = try Self.session(term: "dumb")
        defer { tmux.kill() }
        let screen = try tmux.waitFor(text: "errata-after exit=0 tty=same", timeout: .seconds(60))
        #expect(screen.contains("uedin-nmt") && screen.contains("errata open wmt17-en-de"))
    }
}
