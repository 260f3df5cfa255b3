/// Cell text for terminals whose locale is not UTF-8 (`LANG=C`).
///
/// Such a terminal garbles any byte above 127, so every cell is drawn in ASCII: line and
/// block characters by their usual stand-ins, anything else as `?`. The backend draws a
/// wide character's continuation as `?` too, so the layout errata computed still lines up.
enum AsciiFallback {
    static func text(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy(\.isASCII) { return text }
        guard let first = text.unicodeScalars.first else { return " " }
        switch first.value {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x2550: return "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x2551: return "|"
        case 0x250C ... 0x254B, 0x2552 ... 0x256C, 0x256D ... 0x2570: return "+"
        case 0x2026: return "."
        case 0x2580 ... 0x259F: return "#"
        case 0x00A0: return " "
        default: return "?"
        }
    }
}
