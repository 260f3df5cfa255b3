/// Why the store refused a change to the typology or the tags. Each case names the category
/// path (or tag) concerned, because the message is shown as is on the command line and in the
/// workbench's status bar.
public enum TypologyError: Error, Equatable, CustomStringConvertible {
    case unknownCategory(CategoryPath)
    case categoryExists(CategoryPath)
    /// A rename or move would give a category the name of a sibling.
    case nameTaken(CategoryPath)
    /// Not usable as one component of a path: empty, or containing `/`.
    case invalidName(String)
    case moveUnderItself(CategoryPath, under: CategoryPath)
    case mergeIntoItself(CategoryPath, into: CategoryPath)
    case keyTaken(String, by: CategoryPath)
    case unknownSeverity(String, known: [String])
    case unknownTag(Int64)
    /// The file was written by a newer errata (it has migrations this one does not know).
    case newerStore(String)
    /// The category would sit deeper than `CategoryPath.maximumDepth` levels.
    case tooDeep(CategoryPath)
    /// An action of this process could not be reversed (or repeated, for redo), usually
    /// because another annotator changed what it needs (deleted a category it used); it is
    /// dropped from the history.
    case cannotUndo(String, reason: String)
    case cannotRedo(String, reason: String)

    public var description: String {
        switch self {
        case .unknownCategory(let path): "no category '\(path)'"
        case .categoryExists(let path): "category '\(path)' exists already"
        case .nameTaken(let path): "there is already a category '\(path)'"
        case .invalidName(let name): "'\(name)' is not a category name (it must be non-empty, without '/')"
        case .moveUnderItself(let path, let parent): "cannot move '\(path)' under '\(parent)', which is itself or below it"
        case .mergeIntoItself(let path, let target): "cannot merge '\(path)' into '\(target)', which is itself or below it"
        case .keyTaken(let key, let path): "key '\(key)' already applies '\(path)'"
        case .unknownSeverity(let name, let known):
            "no severity '\(name)' (the typology has \(known.map { "'\($0)'" }.joined(separator: ", ")))"
        case .unknownTag(let id): "no tag \(id)"
        case .tooDeep(let path):
            "'\(path.components.prefix(3).joined(separator: "/"))/...' would be \(path.components.count) levels deep; categories nest at most \(CategoryPath.maximumDepth)"
        case .newerStore(let path): "\(path) was written by a newer errata; update errata to open it"
        case .cannotUndo(let action, let reason): "cannot undo '\(action)': \(reason)"
        case .cannotRedo(let action, let reason): "cannot redo '\(action)': \(reason)"
        }
    }
}

/// A line of a tags file (JSON Lines) that cannot be imported, named `file:line` as
/// compilers do so that editors jump to it.
public struct TagFileError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}
