import ErrataCore
import TerminalUI

/// What reaches `update`: input from the terminal, and results of effects.
public enum Msg: Sendable {
    case event(InputEvent)
    case sorted(rows: [Int], sort: AppState.Sort)
    case compared(Comparison)
    case saved(name: String)
    case failed(String)
    /// An answer of the tag store, posted only after it committed (see `TagMsg`).
    case tagging(TagMsg)
}

/// Work `update` asks for and does not do itself: slow computation and file writes. The
/// `EffectRunner` performs them off the UI thread and answers with a `Msg`.
public enum Effect: Sendable, Equatable {
    case sort(rows: [Int], by: AppState.Sort)
    case compare(filter: String?, systems: [String], metric: String)
    case saveSlice(name: String, filter: String)
    /// Reading or writing the tag store, in order, on the runner's queue.
    case tagging(TagEffect)
    case quit
}
