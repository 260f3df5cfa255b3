import Foundation

/// Decides a column's type from its text cells and converts the cells to that type.
///
/// A column is numeric, boolean, date or list only if every present value parses as such;
/// otherwise it is categorical when its values are labels (at most 50 distinct, none longer
/// than three words) or repeat (each value on two rows on average, none longer than 100
/// bytes), else free text. Missing values
/// (`""`, `NA`, `N/A`, `NaN`, `null`, `None`) do not count against a type.
enum TypeInference {
    static let categoricalMaxLength = 100
    static let labelDistinct = 50

    /// A class label or prediction is a string: only an empty cell (an empty CSV or TSV
    /// field, an absent or null JSON value) is missing.
    static func isAbsent(_ b: UnsafeBufferPointer<UInt8>) -> Bool { b.isEmpty }

    /// A metadata cell holding one of pandas' missing-value words (or nothing).
    static func isMissing(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        // Byte comparisons: no other text is canonically equivalent to these ASCII words, and
        // building a `String` for every four-byte cell (every year) was a measurable cost.
        func equals(_ word: StaticString) -> Bool {
            word.withUTF8Buffer { $0.elementsEqual(b) }
        }
        switch b.count {
        case 0: return true
        case 2: return b[0] == 0x4E && b[1] == 0x41  // NA
        // Every longer word starts with N or n: other cells (years, short labels) stop here.
        case 3: return (b[0] | 0x20) == 0x6E && (equals("N/A") || equals("NaN") || equals("nan"))
        case 4: return (b[0] | 0x20) == 0x6E && (equals("null") || equals("NULL") || equals("None") || equals("none"))
        default: return false
        }
    }

    /// A date in ISO 8601 or a common written layout (`WrittenDate`), as seconds since 1970.
    static func parseDate(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        ISODate.parse(b) ?? WrittenDate.parse(b)
    }

    /// A decimal number (optionally signed, with fraction and exponent); no hex, inf, nan or
    /// value beyond Double's range.
    static func parseNumber(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        // The common cell, a plain decimal, passes every check below unchanged: parse it at once.
        if !b.isEmpty, let value = parseShortDecimal(b) { return value }
        var start = 0, end = b.count
        while start < end, b[start] == 0x20 { start += 1 }
        while end > start, b[end - 1] == 0x20 { end -= 1 }
        let n = end - start
        guard n > 0, n < 64 else { return nil }
        var sawDigit = false
        for i in start ..< end {
            switch b[i] {
            case 0x30 ... 0x39: sawDigit = true
            case 0x2B, 0x2D, 0x2E, 0x45, 0x65: break  // + - . E e
            default: return nil
            }
        }
        guard sawDigit else { return nil }
        if start > 0 || end < b.count, let value = parseShortDecimal(UnsafeBufferPointer(rebasing: b[start ..< end])) { return value }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buffer -> Double? in
            for i in 0 ..< n { buffer[i] = CChar(bitPattern: b[start + i]) }
            buffer[n] = 0
            var endPointer: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &endPointer)
            // Beyond Double's range (1e400) is not a number, as `inf` is not: one rule for both.
            return endPointer == buffer.baseAddress! + n && value.isFinite ? value : nil
        }
    }

    /// Exact powers of ten as doubles (10^22 is the largest a double holds exactly).
    private static let powersOfTen: [Double] = (0 ... 22).map { pow(10, Double($0)) }

    /// `[+-]digits[.digits]` with at most 15 digits in all, or nil for anything else.
    ///
    /// Such a number is an integer below 2^53 divided by an exact power of ten, and IEEE
    /// division rounds correctly, so the result is bit for bit what `strtod` returns
    /// (Clinger's fast path) without copying the cell to a C string. Integer-like and
    /// fixed-point columns (years, counts, scores) are almost always of this form.
    private static func parseShortDecimal(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        var negative = false
        if b[0] == 0x2D || b[0] == 0x2B {
            negative = b[0] == 0x2D
            i = 1
        }
        var mantissa: UInt64 = 0, digits = 0, fractionDigits = 0, sawPoint = false
        while i < b.count {
            let byte = b[i]
            if byte >= 0x30 && byte <= 0x39 {
                // Wraps past 19 digits, where the result is refused anyway (it used to trap).
                mantissa = mantissa &* 10 &+ UInt64(byte - 0x30)
                digits += 1
                if sawPoint { fractionDigits += 1 }
            } else if byte == 0x2E && !sawPoint {
                sawPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, digits <= 15 else { return nil }
        let magnitude = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -magnitude : magnitude
    }

    static func parseBoolean(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard b.count >= 2, b.count <= 5 else { return nil }
        switch String(decoding: b, as: UTF8.self).lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: return nil
        }
    }

    /// A JSON array of strings, numbers or booleans, as JSON Lines cells and CSV cells hold
    /// list-valued columns (`["a", "b"]`).
    static func parseList(_ b: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard b.first == UInt8(ascii: "["), b.last == UInt8(ascii: "]"),
              let elements = try? JSONDecoder().decode([ListElement].self, from: Data(b))
        else { return nil }
        return elements.map(\.text)
    }

    /// One element of a list-valued cell.
    private struct ListElement: Decodable {
        let text: String

        init(from decoder: Decoder) throws {
            let value = try decoder.singleValueContainer()
            if let b = try? value.decode(Bool.self) {
                text = b ? "true" : "false"
            } else if let n = try? value.decode(Double.self) {
                text = formatNumber(n)
            } else {
                text = try value.decode(String.self)
            }
        }
    }

    /// The type every present value of `cells` fits.
    ///
    /// A first pass tries the parsed types; only a column that fits none of them is read a
    /// second time to count its distinct values, so numeric columns build no strings.
    static func infer(_ cells: TextColumn) -> ColumnType {
        var couldBeNumeric = true, couldBeBoolean = true, couldBeDate = true, couldBeList = true
        var present = 0
        cells.forEachValue { _, b in
            if isMissing(b) { return }
            present += 1
            if couldBeNumeric, parseNumber(b) == nil { couldBeNumeric = false }
            if couldBeBoolean, parseBoolean(b) == nil { couldBeBoolean = false }
            if couldBeDate, parseDate(b) == nil { couldBeDate = false }
            if couldBeList, b.first != UInt8(ascii: "[") || b.last != UInt8(ascii: "]") { couldBeList = false }
        }
        if present == 0 { return .text }
        if couldBeBoolean { return .boolean }
        if couldBeNumeric { return .numeric }
        if couldBeDate { return .date }
        if couldBeList, cells.allValues({ isMissing($1) || parseList($1) != nil }) { return .list }

        var distinct = Set<String>()
        var inDistinct = ByteLevelCache<Void>()
        var tooLong = false
        var maxWords = 0
        // Past this many distinct values neither categorical rule can hold: it is text.
        let enough = max(labelDistinct, cells.count / 2)
        let fewEnough = cells.allValues { _, b in
            if isMissing(b) { return true }
            if b.count > categoricalMaxLength { tooLong = true }
            if maxWords <= 3 { maxWords = max(maxWords, TextFeatures.tokens(b)) }
            if inDistinct.value(for: b) == nil {
                distinct.insert(String(decoding: b, as: UTF8.self))
                inDistinct.remember(b, ())
            }
            return distinct.count <= enough
        }
        if !fewEnough { return .text }
        if distinct.count <= labelDistinct, maxWords <= 3 { return .categorical }
        if !tooLong, distinct.count * 2 <= present { return .categorical }
        return .text
    }

    /// Converts `cells` to `type`; rows whose value does not fit are listed in `badRows`
    /// (and stored as missing).
    static func convert(_ cells: TextColumn, to type: ColumnType, badRows: inout [Int]) -> Column.Storage {
        let n = cells.count
        switch type {
        case .text:
            return .text(cells)
        case .categorical:
            var column = CategoricalColumn()
            var known = ByteLevelCache<Int32>()
            cells.forEachValue { column.append(utf8: $1, known: &known) }
            return .categorical(column)
        case .numeric, .date:
            var values = [Double](repeating: .nan, count: n)
            cells.forEachValue { row, b in
                if isMissing(b) { return }
                if let v = type == .numeric ? parseNumber(b) : parseDate(b) { values[row] = v } else { badRows.append(row) }
            }
            return type == .numeric ? .numeric(values) : .date(values)
        case .boolean:
            var values = [Int8](repeating: -1, count: n)
            cells.forEachValue { row, b in
                if isMissing(b) { return }
                if let v = parseBoolean(b) { values[row] = v ? 1 : 0 } else { badRows.append(row) }
            }
            return .boolean(values)
        case .list:
            var column = ListColumn()
            cells.forEachValue { row, b in
                if isMissing(b) { return column.append([]) }
                if let list = parseList(b) { return column.append(list) }
                badRows.append(row)
                column.append([])
            }
            return .list(column)
        }
    }

    /// What a value of `type` looks like, for error messages.
    static func expectation(_ type: ColumnType) -> String {
        switch type {
        case .numeric: "a number"
        case .boolean: "true or false"
        case .date: "a date such as 2017-06-01 or June 1, 2017"
        case .list: "a JSON array such as [\"a\", \"b\"]"
        case .categorical, .text: "text"
        }
    }
}
