import Foundation
import GRDB

/// Why the tag store file cannot be opened or written, with the file and what to do: the
/// message is shown as is on the command line and in the workbench's status bar.
public struct TagStoreError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var problem: String
    public var advice: String

    public var description: String { "\(path): \(problem); \(advice)" }

    /// SQLite's and the file system's errors, put in words about this file.
    static func wrapping(_ error: Error, path: String) -> Error {
        switch error {
        case is TagStoreError, is TypologyError, is TagFileError:
            return error
        case let error as DatabaseError:
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return TagStoreError(path: path, problem: "the tag store is damaged or not a SQLite database",
                                     advice: "restore it from a backup, or move it away to start a new, empty store")
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
                return TagStoreError(path: path, problem: "the tag store cannot be opened for writing (\(error.message ?? "read-only"))",
                                     advice: "make the file and its folder writable (chmod u+w), or work on a copy")
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return TagStoreError(path: path, problem: "another errata has held the tag store's write lock for more than \(Int(TagStore.busyTimeout)) s",
                                     advice: "nothing was written; try again once the other write (a large import?) has finished")
            case .SQLITE_FULL, .SQLITE_IOERR:
                return TagStoreError(path: path, problem: "the tag store could not be written (\(error.message ?? "input/output error"))",
                                     advice: "check the disk has room and works; nothing was written")
            default:
                return TagStoreError(path: path, problem: "SQLite error: \(error.message ?? "\(error.resultCode)")",
                                     advice: "nothing was written")
            }
        case let error as CocoaError:
            let reason = (error.underlying as NSError?).map { String(cString: strerror(Int32($0.code))) } ?? "\(error.code)"
            return TagStoreError(path: path, problem: "cannot create the tag store's folder (\(reason))",
                                 advice: "make the data's folder writable, or work on a copy of the data")
        default:
            return TagStoreError(path: path, problem: "\(error)", advice: "nothing was written")
        }
    }
}
