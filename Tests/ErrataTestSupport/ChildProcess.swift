import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion with no descriptor of the test process leaking into it.
///
/// Foundation's `Process` on Linux learns that a child ended when a socket the child
/// inherits is closed; a child that leaves a daemon behind (the tmux client starting its
/// server) keeps that socket open, and `waitUntilExit` never returns. Here the child is
/// spawned with every descriptor above stderr closed (`posix_spawn_file_actions_addclosefrom_np`),
/// with an empty signal mask and default signal actions, waited for with `waitpid`, and its
/// output collected through temporary files, which a daemon cannot hold open the way it
/// holds a pipe.
enum ChildProcess {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The glibc function (2.34+) that Swift does not import from `spawn.h`.
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    private static let addCloseFrom: AddCloseFrom? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: AddCloseFrom.self) }

    /// Runs `arguments[0]` (searched in `PATH`) with the rest as its arguments.
    static func run(_ arguments: [String]) throws -> Result {
        guard let addCloseFrom else { throw Failure(description: "this C library cannot close inherited descriptors in posix_spawn") }
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("errata-child-\(UUID().uuidString)")
        let outputPath = base.path + ".out", errorsPath = base.path + ".err"
        defer {
            try? FileManager.default.removeItem(atPath: outputPath)
            try? FileManager.default.removeItem(atPath: errorsPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorsPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        _ = addCloseFrom(&actions, 3)

        let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // The spawning thread may block signals (dispatch's workers do) and children inherit
        // the mask: a tmux server started with SIGCHLD blocked never learns its panes' exit
        // status, and programs in its panes would never see SIGINT or SIGWINCH.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure(description: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let read = { (path: String) in String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
        return Result(status: exitStatus, output: read(outputPath), errors: read(errorsPath))
    }
}
