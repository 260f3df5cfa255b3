import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Downloads one file over HTTPS to disk with a progress bar, blocking until it is done.
final class Download: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private let handle: FileHandle
    private let progress: ProgressBar
    private let finished = DispatchSemaphore(value: 0)
    private var received = 0
    private var failure: String?

    private init(handle: FileHandle, progress: ProgressBar) {
        self.handle = handle
        self.progress = progress
    }

    /// Fetches `url` into `file` (replacing it); throws a message on any HTTP or I/O failure.
    static func fetch(_ url: URL, to file: URL, progress: ProgressBar) throws {
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw ModelError.fetchFailed("cannot create \(file.path)")
        }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        let download = Download(handle: handle, progress: progress)
        let configuration = URLSessionConfiguration.default
        configuration.timeoutIntervalForRequest = 60
        let session = URLSession(configuration: configuration, delegate: download, delegateQueue: nil)
        session.dataTask(with: url).resume()
        download.finished.wait()
        session.finishTasksAndInvalidate()
        if let failure = download.lock.withLock({ download.failure }) { throw ModelError.fetchFailed(failure) }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        if let http = response as? HTTPURLResponse, !(200 ..< 300).contains(http.statusCode) {
            lock.withLock { failure = "HTTP status \(http.statusCode)" }
            completionHandler(.cancel)
        } else {
            completionHandler(.allow)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.withLock {
            do { try handle.write(contentsOf: data) } catch {
                failure = "cannot write the download: \(error.localizedDescription)"
                dataTask.cancel()
                return
            }
            let previous = received
            received += data.count
            progress.update(done: received, previous: previous)
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        lock.withLock {
            if let error, failure == nil { failure = error.localizedDescription }
        }
        finished.signal()
    }
}
