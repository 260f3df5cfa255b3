import ArgumentParser
import Foundation
import NcursesTerminal
import TerminalUI

/// `errata terminal`: checks that the terminal can show what the workbench draws.
///
/// Opens the real backend and draws `TerminalTestScreen` until `q`. It is the quickest way
/// for a user to see why a screen looks wrong (no colour, no Unicode, no mouse) and the
/// end-to-end test of the ncurses backend.
struct TerminalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminal",
        abstract: "Check the terminal: colours, wide text, keys, mouse and resizing.",
        discussion: """
            Draws a test screen with the capabilities detected (colours, Unicode, mouse), colour \
            ramps, wide and combining text, and the last key, click or resize received. Press q \
            to quit. NO_COLOR (any non-empty value) turns colour off; a non-UTF-8 locale draws \
            in ASCII. Exits with 1 and a message when the terminal cannot be drawn on \
            (TERM=dumb or unset, output not a terminal).
            """)

    /// Test only, hidden from help: crashes on purpose after the first frame, so that the
    /// tests can check the terminal is restored (`segv` overflows the stack, `ill` fails a
    /// precondition, `abrt` aborts, `bus` raises SIGBUS).
    @Option(name: .customLong("crash-after-draw"), help: .hidden)
    var crash: DeliberateCrash?

    func run() throws {
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend()
        } catch let error as TerminalUnavailable {
            ReportWriter.writeError("errata: error: \(error)\n")
            Foundation.exit(1)
        }
        defer { backend.shutdown() }
        let renderer = FrameRenderer(backend: backend)
        var screen = TerminalTestScreen(capabilities: backend.capabilities,
                                        terminalName: ProcessInfo.processInfo.environment["TERM"] ?? "")
        while true {
            var frame = renderer.makeBuffer()
            screen.render(into: &frame)
            renderer.render(frame)
            crash?.happen()
            guard let event = backend.nextEvent(timeout: .seconds(1)) else { continue }
            if event == .key(.character("q")) { return }
            screen.record(event)
        }
    }
}
