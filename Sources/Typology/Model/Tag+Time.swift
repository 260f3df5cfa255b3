import Foundation

extension Tag {
    /// `date` as a tag's time: ISO-8601 in UTC with milliseconds (`2026-11-26T22:40:01.123Z`).
    public static func time(_ date: Date = Date()) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!))
    }

    /// True when `text` reads as an ISO-8601 date and time (with or without fractional seconds).
    public static func isValidTime(_ text: String) -> Bool {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)) != nil
            || (try? Date.ISO8601FormatStyle().parse(text)) != nil
    }
}
