/// ISO-8601 dates (`2017-06-01`) and date-times (`2017-06-01T12:30:00Z`, with an optional
/// fraction and `±hh:mm` offset) to and from seconds since 1970, without Foundation's
/// formatters, which are too slow for a million cells.
public enum ISODate {
    /// Seconds since 1970-01-01T00:00:00Z, or nil if `text` is not such a date.
    public static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        func number(_ width: Int) -> Int? {
            guard i + width <= text.count else { return nil }
            var value = 0
            for _ in 0 ..< width {
                let digit = Int(text[i]) - 48
                guard (0 ... 9).contains(digit) else { return nil }
                value = value * 10 + digit
                i += 1
            }
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard i < text.count, text[i] == byte else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(2),
              expect(UInt8(ascii: "-")), let day = number(2),
              (1 ... 12).contains(month), (1 ... daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86400
        if i == text.count { return seconds }
        guard expect(UInt8(ascii: "T")) || expect(UInt8(ascii: " ")),
              let hour = number(2), hour < 24, expect(UInt8(ascii: ":")), let minute = number(2), minute < 60
        else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if expect(UInt8(ascii: ":")) {
            guard let second = number(2), second < 61 else { return nil }
            seconds += Double(second)
            if expect(UInt8(ascii: ".")) {
                var scale = 0.1
                let start = i
                while i < text.count, (48 ... 57).contains(text[i]) {
                    seconds += Double(text[i] - 48) * scale
                    scale /= 10
                    i += 1
                }
                guard i > start else { return nil }
            }
        }
        if i == text.count || expect(UInt8(ascii: "Z")) { return i == text.count ? seconds : nil }
        let sign: Double
        if expect(UInt8(ascii: "+")) { sign = 1 } else if expect(UInt8(ascii: "-")) { sign = -1 } else { return nil }
        guard let offsetHours = number(2) else { return nil }
        _ = expect(UInt8(ascii: ":"))
        guard let offsetMinutes = number(2), i == text.count else { return nil }
        return seconds - sign * Double(offsetHours * 3600 + offsetMinutes * 60)
    }

    public static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// `YYYY-MM-DD` when the time is midnight UTC, else `YYYY-MM-DDThh:mm:ssZ`.
    public static func format(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        let days = whole >= 0 ? whole / 86400 : (whole - 86399) / 86400
        let rest = whole - days * 86400
        let (y, m, d) = civilFromDays(days)
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        let date = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
        if rest == 0 { return date }
        return date + "T\(pad(rest / 3600, 2)):\(pad(rest % 3600 / 60, 2)):\(pad(rest % 60, 2))Z"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
