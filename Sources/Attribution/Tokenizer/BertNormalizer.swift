import Foundation

/// Text after BERT's normalisation, each scalar with the index of the scalar of the original
/// text it came from, so that tokens can point back into the text the user wrote even where
/// cleaning removed scalars or decomposition and lower-casing added some.
struct NormalizedText {
    var scalars: [Unicode.Scalar] = []
    var origins: [Int] = []

    mutating func append(_ scalar: Unicode.Scalar, from origin: Int) {
        scalars.append(scalar)
        origins.append(origin)
    }

    mutating func removeAll() {
        scalars.removeAll(keepingCapacity: true)
        origins.removeAll(keepingCapacity: true)
    }
}

/// BERT's normaliser (Devlin et al. 2019), in the order the reference applies it: remove
/// controls and map white space to a space; surround CJK ideographs with spaces; for an uncased
/// vocabulary, decompose canonically (NFD) and drop nonspacing marks (accents), then lower-case.
///
/// The steps work scalar by scalar, as the reference does. Two consequences matter for parity:
/// lower-casing ignores context (a final capital sigma becomes σ, not ς), and a scalar that
/// decomposes (a Hangul syllable into its letters) yields several scalars with the same origin,
/// which count towards WordPiece's limit of 100 scalars a word.
struct BertNormalizer {
    /// Lower-case and strip accents (the uncased models).
    let lowercase: Bool

    /// Normalises `scalars[range]` of the original text into `output`, which it empties first.
    func normalize(_ scalars: [Unicode.Scalar], _ range: Range<Int>, into output: inout NormalizedText) {
        output.removeAll()
        var hasNonASCII = false
        for index in range {
            let scalar = scalars[index]
            if scalar.isASCII {
                appendASCII(scalar, from: index, to: &output)
                continue
            }
            hasNonASCII = true
            if BertCharacters.isRemoved(scalar) { continue }
            if BertCharacters.isWhitespace(scalar) {
                output.append(" ", from: index)
            } else if BertCharacters.isChineseCharacter(scalar) {
                output.append(" ", from: index)
                appendDecomposed(scalar, from: index, to: &output)
                output.append(" ", from: index)
            } else {
                appendDecomposed(scalar, from: index, to: &output)
            }
        }
        if lowercase && hasNonASCII { stripAccentsAndLowercase(&output) }
    }

    /// The common case without Unicode tables: controls go, tab and line breaks become spaces,
    /// capitals become small letters (decomposition leaves ASCII as it is).
    private func appendASCII(_ scalar: Unicode.Scalar, from index: Int, to output: inout NormalizedText) {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: output.append(" ", from: index)
        case 0x00...0x1F, 0x7F: break
        default: output.append(lowercase ? Self.asciiLowercase(scalar) : scalar, from: index)
        }
    }

    private static func asciiLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar
    }

    /// Appends a scalar, canonically decomposed when the vocabulary is uncased. Each part of the
    /// decomposition moves before preceding combining marks of a higher combining class: NFD's
    /// canonical ordering, which runs across the scalars of the original text.
    private func appendDecomposed(_ scalar: Unicode.Scalar, from index: Int, to output: inout NormalizedText) {
        guard lowercase, BertCharacters.isInUnicode8(scalar) else {
            output.append(scalar, from: index)
            return
        }
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
            let combiningClass = part.properties.canonicalCombiningClass
            var position = output.scalars.count
            if combiningClass != .notReordered {
                while position > 0 {
                    let previous = output.scalars[position - 1].properties.canonicalCombiningClass
                    guard previous > combiningClass else { break }
                    position -= 1
                }
            }
            output.scalars.insert(part, at: position)
            output.origins.insert(index, at: position)
        }
    }

    /// Drops nonspacing marks (the accents that decomposition split off), then lower-cases.
    private func stripAccentsAndLowercase(_ text: inout NormalizedText) {
        var folded = NormalizedText()
        folded.scalars.reserveCapacity(text.scalars.count)
        folded.origins.reserveCapacity(text.scalars.count)
        for (scalar, origin) in zip(text.scalars, text.origins) {
            if scalar.isASCII {
                // Capitals here come from decomposing accented capitals (É is E and an accent).
                folded.append(Self.asciiLowercase(scalar), from: origin)
            } else if !BertCharacters.isNonspacingMark(scalar) {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { folded.append(lower, from: origin) }
            }
        }
        text = folded
    }
}
