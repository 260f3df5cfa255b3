import Foundation

/// What a path given as input is, in words a user can act on.
///
/// `FileManager.fileExists` says "no" for a loop of symbolic links, and reading a FIFO or a
/// device through `Data(contentsOf:)` fails with a misleading "You don't have permission";
/// `stat` tells each case apart, so each gets its own message.
enum InputPath {
    enum Kind { case file, folder }

    static func kind(of path: String) throws -> Kind {
        guard !path.isEmpty else { throw LoadError(file: "''", "no dataset given: the path is empty") }
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = switch errno {
            case ENOENT, ENOTDIR: "no such file or folder"
            case ELOOP: "a loop of symbolic links: the path never reaches a file"
            case EACCES: "permission denied"
            default: String(cString: strerror(errno))
            }
            throw LoadError(file: path, reason)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFIFO: throw LoadError(file: path, "a FIFO (named pipe), not a file: errata reads a file it can map; save the data to a file first")
        default: throw LoadError(file: path, "a device or socket, not a file: give a CSV, TSV or JSON Lines file")
        }
    }
}
