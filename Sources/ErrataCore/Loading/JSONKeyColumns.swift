/// Finds the column of a JSON Lines key from its bytes.
///
/// A `[String: Int]` look-up built a `String` for every key of every line and hashed it: with
/// the dictionary probes, a fifth of reading a million lines. The lines of a file almost
/// always list their keys in one order, so the key at position `p` of a line is first
/// compared, byte for byte, with the key at position `p` of the line before; only a key that
/// differs takes the dictionary. Byte-equal keys are equal strings, so the column found is
/// the one the dictionary gives.
struct JSONKeyColumns {
    /// The keys in the order first seen: the table's column names.
    private(set) var names: [String] = []
    private var utf8: [[UInt8]] = []
    private var indexOfName: [String: Int] = [:]
    /// The columns of the keys of the line before and of this line, in the order given.
    private var previousLine: [Int] = []
    private var currentLine: [Int] = []

    var count: Int { names.count }

    /// A new line begins: its keys are predicted from the one just read.
    mutating func startLine() {
        swap(&previousLine, &currentLine)
        currentLine.removeAll(keepingCapacity: true)
    }

    /// The column of the next key of the line, a new one (last in `names`) if unseen.
    mutating func column(of key: UnsafeBufferPointer<UInt8>) -> Int {
        let position = currentLine.count
        let column: Int
        if position < previousLine.count, utf8[previousLine[position]].withUnsafeBufferPointer({ $0.bytesEqual(key) }) {
            column = previousLine[position]
        } else {
            let name = String(decoding: key, as: UTF8.self)
            if let existing = indexOfName[name] {
                column = existing
            } else {
                column = names.count
                indexOfName[name] = column
                names.append(name)
                utf8.append(Array(key))
            }
        }
        currentLine.append(column)
        return column
    }
}
