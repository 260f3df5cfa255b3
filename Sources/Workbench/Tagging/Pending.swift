import TerminalUI
// TEMPORARY until tag-stats merges
func talliesLines(_ state: AppState) -> [String] { [] }
func drawTallies(_ state: AppState, _ buffer: inout ScreenBuffer) {}
