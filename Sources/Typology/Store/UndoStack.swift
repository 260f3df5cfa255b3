import GRDB

/// One undoable action: what the user did (`summary`, shown after "undone:") and the changes
/// it wrote, in order.
struct Action: Sendable {
    var summary: String
    var changes: [Change]
}

/// The actions of one `TagStore` object, kept in memory: another process's actions are never
/// undone, and the history ends with the process (what was saved stays saved).
struct UndoHistory {
    var done: [Action] = []
    var undone: [Action] = []

    /// A new action makes what was undone no longer redoable: redoing it could overwrite the
    /// new action's changes.
    mutating func record(_ action: Action) {
        done.append(action)
        undone.removeAll()
    }
}

extension TagStore {
    /// Reverses the newest action of this object in one transaction (its changes' inverses,
    /// newest first) and returns its summary; nil when there is nothing to undo. An action that
    /// no longer can be reversed (another annotator deleted what it needs) is dropped and
    /// reported as `TypologyError.cannotUndo`.
    public func undo() throws -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard let action = history.done.popLast() else { return nil }
        do {
            try pool.write { db in
                for change in action.changes.reversed() { try change.inverse.apply(db) }
            }
        } catch {
            throw TypologyError.cannotUndo(action.summary, reason: "\(error)")
        }
        history.undone.append(action)
        return action.summary
    }

    /// Repeats the newest undone action in one transaction, under the same ids, and returns
    /// its summary; nil when there is nothing to redo.
    public func redo() throws -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard let action = history.undone.popLast() else { return nil }
        do {
            try pool.write { db in
                for change in action.changes { try change.apply(db) }
            }
        } catch {
            throw TypologyError.cannotRedo(action.summary, reason: "\(error)")
        }
        history.done.append(action)
        return action.summary
    }
}
