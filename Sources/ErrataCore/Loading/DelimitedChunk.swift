import Dispatch

/// A piece of a delimited file's records, `start ..< end` in bytes, starting at the beginning
/// of line `line`: what one core reads when a large file is read in parallel.
struct DelimitedChunk: Sendable, Equatable {
    var start: Int
    var end: Int
    var line: Int

    /// Files below this size are read in one piece: splitting costs a scan and a join.
    static let minimumParallelBytes = 1 << 20
    /// Pieces per core, so that a core finishing early takes another piece.
    static let piecesPerCore = 2

    /// `body` cut into pieces at line ends outside quoted fields, or nil when it is too small to
    /// be worth it or only one core is available.
    ///
    /// Two passes. First, in parallel, each of equal byte ranges counts its quotes and line
    /// feeds. Then, at each range's start, the quotes before it tell whether it lies inside a
    /// quoted field (an odd count: RFC 4180 quoting, a doubled quote counting twice); the cut
    /// is the first line feed from there with an even count before it and neither LF nor CR
    /// after it, so that no piece starts on a blank line that the previous piece's reader would
    /// pass over. The line feeds before it give the piece's line number. A file where a quote
    /// appears inside an unquoted field defeats the parity; the reader detects that (`end`
    /// checks) and reads the file in one piece. `quote` is nil for TSV, which has no quoting.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, _ body: DelimitedChunk, quote: UInt8?,
                      cores: Int, minimumBytes: Int = minimumParallelBytes) -> [DelimitedChunk]? {
        let size = body.end - body.start
        guard cores > 1, size >= max(minimumBytes, 1) else { return nil }
        let ranges = cores * piecesPerCore
        let bounds = (0 ... ranges).map { body.start + size / ranges * $0 + ($0 == ranges ? size % ranges : 0) }
        var counts = [(quotes: Int, newlines: Int)](repeating: (0, 0), count: ranges)
        counts.withUnsafeMutableBufferPointer { counts in
            let shared = UncheckedSendable((input: bytes, output: counts))
            DispatchQueue.concurrentPerform(iterations: ranges) { k in
                let (input, output) = shared.value
                output[k] = count(UnsafeBufferPointer(rebasing: input[bounds[k] ..< bounds[k + 1]]), quote: quote)
            }
        }
        let newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var pieces = [DelimitedChunk(start: body.start, end: body.end, line: body.line)]
        var quotesBefore = 0, newlinesBefore = 0
        for k in 1 ..< ranges {
            quotesBefore += counts[k - 1].quotes
            newlinesBefore += counts[k - 1].newlines
            var i = max(bounds[k], pieces[pieces.count - 1].start)
            if i > bounds[k] { continue }  // the previous cut already lies beyond this range's start
            var odd = quotesBefore % 2 == 1, lines = newlinesBefore
            while i < body.end {
                let byte = bytes[i]
                if byte == quote { odd.toggle() }
                i += 1
                if byte == newline {
                    lines += 1
                    if !odd, i < body.end, bytes[i] != newline, bytes[i] != cr { break }
                }
            }
            guard i < body.end else { break }
            pieces[pieces.count - 1].end = i
            pieces.append(DelimitedChunk(start: i, end: body.end, line: body.line + lines))
        }
        return pieces.count > 1 ? pieces : nil
    }

    /// Quotes and line feeds in `bytes`, 16 bytes at a time, each block's matches added into
    /// byte lanes that are summed every 255 blocks (`ByteBlock.ones`); the byte loop this
    /// replaces, though auto-vectorised, was a tenth of reading a large CSV.
    static func count(_ bytes: UnsafeBufferPointer<UInt8>, quote: UInt8?) -> (quotes: Int, newlines: Int) {
        let newline = UInt8(ascii: "\n")
        var quotes = 0, newlines = 0, i = 0
        var quoteLanes = SIMD16<UInt8>(), newlineLanes = SIMD16<UInt8>(), blocks = 0
        while let block = ByteBlock(bytes, at: i) {
            if let quote { quoteLanes &+= block.ones(equalTo: quote) }
            newlineLanes &+= block.ones(equalTo: newline)
            i += 16
            blocks += 1
            if blocks == 255 {
                quotes += ByteBlock.laneSum(quoteLanes)
                newlines += ByteBlock.laneSum(newlineLanes)
                (quoteLanes, newlineLanes, blocks) = (SIMD16(), SIMD16(), 0)
            }
        }
        quotes += ByteBlock.laneSum(quoteLanes)
        newlines += ByteBlock.laneSum(newlineLanes)
        for byte in bytes[i...] {
            if byte == quote { quotes += 1 }
            if byte == newline { newlines += 1 }
        }
        return (quotes, newlines)
    }

    /// Reads `pieces` side by side with `read` and joins their tables (`RawTable(joining:)`),
    /// or returns nil when they were not cut at record boundaries (for CSV, a quote inside an
    /// unquoted field upsets the quote parity the cuts rely on); the caller then reads the file
    /// in one piece. Piece `k` was cut correctly when piece `k - 1`, itself cut correctly,
    /// stopped reading where `k` starts, or past it over bytes that `skippable` accepts (the
    /// blank space a reader passes before a record); the first piece starts where a reader in
    /// one piece would, so by induction every piece is checked. An error is passed on only from
    /// a piece whose start is so checked: it is then the first error of the whole file, with
    /// the same line and column. Each piece's bytes are passed to `release` once read
    /// (`MappedFile.release`), so that the file's pages are not held through the join.
    static func readEach(_ pieces: [DelimitedChunk], of bytes: UnsafeBufferPointer<UInt8>, skippable: (UInt8) -> Bool,
                         releasing release: @Sendable (Range<Int>) -> Void,
                         _ read: @Sendable (_ index: Int, DelimitedChunk) throws -> (table: RawTable, end: Int)) throws -> RawTable? {
        var results = [Result<(table: RawTable, end: Int), Error>?](repeating: nil, count: pieces.count)
        results.withUnsafeMutableBufferPointer { output in
            let output = UncheckedSendable(output)
            DispatchQueue.concurrentPerform(iterations: pieces.count) { k in
                output.value[k] = Result { try read(k, pieces[k]) }
                release(pieces[k].start ..< pieces[k].end)
            }
        }
        // Each table moves from `results` to `tables` and on into the join, which releases
        // it once appended: no second reference may keep the pieces alive meanwhile.
        var tables: [RawTable] = []
        for k in results.indices {
            let (table, end) = try results[k]!.get()
            results[k] = nil
            let next = k + 1 < pieces.count ? pieces[k + 1].start : bytes.count
            guard end >= next, bytes[next ..< end].allSatisfy(skippable) else { return nil }
            tables.append(table)
        }
        return RawTable(joining: consume tables)
    }
}
