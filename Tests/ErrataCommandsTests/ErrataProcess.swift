import ErrataTestSupport
import Foundation

/// Runs the built `errata` binary, as a user or a script would.
struct ErrataProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        func json() throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] ?? [:]
        }
    }

    /// The `errata` executable beside the test bundle (both are products of one build).
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("errata")
    }

    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes at once: reading one to its end first would leave the child blocked on
        // a full other pipe (64 KB), and both waiting for ever.
        let errors = PipeReader(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Reads a pipe to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything the pipe carried, once its writer has closed it.
    func wait() -> Data {
        done.wait()
        return data
    }
}

/// The ten-review fixture as a CSV in a fresh folder, and the flags that give its columns roles.
enum ReviewsOnDisk {
    static let roles = ["--input", "text", "--label", "gold", "--output", "bert=pred_bert", "--output", "lr=pred_lr"]

    /// The folder and the path of `reviews.csv` in it.
    static func write() throws -> (TemporaryDirectory, String) {
        let folder = try TemporaryDirectory()
        return (folder, try folder.write("reviews.csv", Fixtures.reviews))
    }
}
