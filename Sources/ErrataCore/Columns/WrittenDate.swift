/// Dates as people write them in English, beside ISO 8601: `December 24, 2012`,
/// `Dec 24, 2012`, `24 December 2012`, `24 Dec 2012` and `2012/12/24`.
///
/// Scraped metadata (release dates, review dates) comes in these layouts; typed as text, such
/// a column could neither be binned nor compared. Layouts whose day and month order is
/// ambiguous (`03/04/2012`) are not guessed: declare such a column in ISO form instead.
/// Parsed by hand over bytes, like `ISODate`, for speed on a million cells.
public enum WrittenDate {
    /// Seconds since 1970-01-01T00:00:00Z at midnight UTC of the date, or nil if `text` is
    /// not a date in one of the layouts above (or not a real day, such as February 30).
    public static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        let words = text.split(separator: UInt8(ascii: " "))
        let date: (year: Int, month: Int, day: Int)
        switch words.count {
        case 1:
            guard let parts = slashed(words[0]) else { return nil }
            date = parts
        case 3:
            let dayWithComma = words[1].last == UInt8(ascii: ",") ? words[1].dropLast() : words[1]
            if let month = month(words[0]), let day = number(dayWithComma, digits: 1 ... 2), let year = number(words[2], digits: 4 ... 4) {
                date = (year, month, day)
            } else if let day = number(words[0], digits: 1 ... 2), let month = month(words[1]), let year = number(words[2], digits: 4 ... 4) {
                date = (year, month, day)
            } else {
                return nil
            }
        default:
            return nil
        }
        guard (1 ... 12).contains(date.month), (1 ... ISODate.daysIn(month: date.month, year: date.year)).contains(date.day) else { return nil }
        return Double(ISODate.daysFromCivil(year: date.year, month: date.month, day: date.day)) * 86_400
    }

    public static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                                 "september", "october", "november", "december"]

    /// 1-12 for a month's English name or its three-letter abbreviation (any case, an
    /// optional trailing period), else nil.
    private static func month(_ word: some Collection<UInt8>) -> Int? {
        var name = String(decoding: word, as: UTF8.self).lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        guard name.count >= 3 else { return nil }
        if let full = months.firstIndex(of: name) { return full + 1 }
        if name.count == 3 || name == "sept", let short = months.firstIndex(where: { $0.hasPrefix(name) }) { return short + 1 }
        return nil
    }

    private static func number(_ word: some Collection<UInt8>, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(word.count), word.allSatisfy({ (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains($0) }) else { return nil }
        return word.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// `YYYY/MM/DD`.
    private static func slashed(_ word: some Collection<UInt8>) -> (Int, Int, Int)? {
        let parts = word.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count == 3, let year = number(parts[0], digits: 4 ... 4), let month = number(parts[1], digits: 1 ... 2),
              let day = number(parts[2], digits: 1 ... 2) else { return nil }
        return (year, month, day)
    }
}
