import ErrataCore
import TerminalUI

/// What reaches `update`: input from the terminal, and what background work reports.
public enum Msg: Sendable {
    case event(InputEvent)
    /// A job finished; applied only while the job is still wanted (see `Job`).
    case finished(Int, JobResult)
    /// A job reports how far it is.
    case progress(Int, JobProgress)
    /// An answer of the tag store, posted only after it committed (see `TagMsg`).
    case tagging(TagMsg)
}

/// Work `update` asks for and does not do itself: every computation over the dataset beyond
/// the rows on screen, and every read or write of a file. The `EffectRunner` performs them
/// off the UI thread and answers with a `Msg`.
public enum Effect: Sendable, Equatable {
    /// Starts the job with this id.
    case run(Int, JobWork)
    /// Asks the jobs with these ids to stop at their next check; their results are dropped
    /// anyway, since `update` removed them from the state.
    case cancel([Int])
    /// Reading or writing the tag store, in order, on the runner's queue.
    case tagging(TagEffect)
    case quit
    /// Leaves this dataset for another (a path or a bundled name), or for the start screen
    /// (nil): the run loop returns it to whoever started the workbench, which loads the next.
    case open(String?)
}
