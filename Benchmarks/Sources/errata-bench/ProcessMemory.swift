import Foundation

/// The process's resident memory, from /proc/self/status (Linux).
///
/// `VmRSS` is what is resident now; `VmHWM` the peak so far, which catches the transient
/// copies made while loading (raw cells before typed columns) that `VmRSS` afterwards misses.
struct ProcessMemory: Encodable {
    var rssMB: Double
    var peakMB: Double

    static func now() -> ProcessMemory? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        func field(_ name: String) -> Double? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }),
                  let kB = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
            else { return nil }
            return kB / 1024
        }
        guard let rss = field("VmRSS"), let peak = field("VmHWM") else { return nil }
        return ProcessMemory(rssMB: rss, peakMB: peak)
    }
}
