import Typology

/// Work on the tag store, in the order `update` asks for it. Every write is committed before
/// its answer is posted, so "saved" on screen means saved on disk.
public enum TagEffect: Sendable, Equatable {
    /// Reads the store if its file exists (else the preset: the file is made by the first
    /// write).
    case open
    /// Adds the tag, or replaces this annotator's tag with that id.
    case save(Tag, replacing: Int64?)
    case delete(Int64)
    case undo
    case redo
    case rename(CategoryPath, to: String)
    case merge(CategoryPath, into: CategoryPath)
    case move(CategoryPath, under: CategoryPath?)
    /// Saves a drawn sample and makes it the active queue.
    case saveQueue(WorkQueue)
    /// Makes the saved queue called that the active one.
    case loadQueue(String)
}

/// The tag store's answers.
public enum TagMsg: Sendable {
    /// The store's typology (or the preset) and its tags.
    case opened(Typology, [StoredTag], queue: WorkQueue?)
    /// The store cannot be read (a damaged file, a newer schema): browsing goes on without tags.
    case unavailable(String)
    /// The tag is committed (with the typology, which may have gained a category).
    case saved(StoredTag, Typology)
    /// Committing failed: the tag comes back, so the palette can offer it again.
    case saveFailed(Tag, replacing: Int64?, String)
    /// An undo, redo, delete or category change is committed: what it did, and the store now.
    case changed(String, Typology, [StoredTag])
    /// The queue now active.
    case queue(WorkQueue)
    case failed(String)
}
