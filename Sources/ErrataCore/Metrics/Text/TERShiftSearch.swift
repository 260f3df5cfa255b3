/// The number of edits TER (Snover et al. 2006) charges a hypothesis against one reference: greedily
/// apply the block shift that most reduces the edit distance while any does, then add the remaining
/// edit distance, each shift counting as one edit.
///
/// Which shifts are tried and how they are ranked follows Tercom's heuristics as sacrebleu 2.6.0
/// reproduces them (its `lib_ter`), since TER values depend on them: a shifted block is at most 10
/// words, starts within 50 words of its reference counterpart, must cover a hypothesis error and a
/// reference error, and lands next to the aligned position of a word of its reference counterpart;
/// ties go to the longer block, then the earlier block, then the earlier destination; and the search
/// stops after 1,000 evaluated candidates.
enum TERShiftSearch {
    private static let maxShiftSize = 10
    private static let maxShiftDistance = 50
    private static let maxCandidates = 1000

    /// Total edits (shifts plus remaining edit distance) turning `hypothesis` into `reference`; words
    /// are interned ids.
    static func edits(hypothesis: [UInt32], reference: [UInt32]) -> Int {
        guard !reference.isEmpty else { return hypothesis.count }
        let distance = BeamEditDistance(reference: reference, hypothesisLength: hypothesis.count)
        var words = hypothesis, shifts = 0, checked = 0
        while true {
            let search = bestShift(of: words, distance, checked: &checked)
            // As in sacrebleu, a shift found when the candidate budget runs out is not applied.
            guard checked < maxCandidates, let shifted = search.shifted else {
                return shifts + search.distance
            }
            shifts += 1
            words = shifted
        }
    }

    /// A shift tried: what it gains and what it moves where.
    private struct Candidate {
        let gain: Int
        let start: Int
        let length: Int
        let target: Int

        /// Tercom's ranking: larger gain, then longer block, then earlier block, then earlier target.
        func outranks(_ other: Candidate) -> Bool {
            (gain, length, -start, -target) > (other.gain, other.length, -other.start, -other.target)
        }
    }

    /// The current edit distance of `words`, and the best distance-reducing shift if any.
    private static func bestShift(
        of words: [UInt32], _ distance: BeamEditDistance, checked: inout Int
    ) -> (distance: Int, shifted: [UInt32]?) {
        let reference = distance.reference
        let base = distance.matrix(of: words)
        let alignment = TERAlignment(base.path(rows: words.count + 1))
        var best: Candidate?
        // Every block of words equal in hypothesis and reference, by hypothesis start, reference
        // start, then length.
        search: for start in 0..<words.count {
            let nearest = max(0, start - maxShiftDistance)
            for referenceStart in nearest..<max(nearest, min(reference.count, start + maxShiftDistance + 1)) {
                var length = 0
                while length < maxShiftSize, words[start + length] == reference[referenceStart + length] {
                    length += 1
                    if alignment.worthShifting(start: start, referenceStart: referenceStart, length: length) {
                        for target in alignment.targets(referenceStart: referenceStart, length: length) {
                            let shifted = shift(words, start: start, length: length, to: target)
                            var sharedPrefix = 0
                            while sharedPrefix < words.count, shifted[sharedPrefix] == words[sharedPrefix] {
                                sharedPrefix += 1
                            }
                            let remaining = distance.distance(of: shifted, reusing: base, sharedPrefix: sharedPrefix)
                            let candidate = Candidate(gain: base.distance - remaining, start: start, length: length, target: target)
                            checked += 1
                            if best.map(candidate.outranks) ?? true { best = candidate }
                        }
                        if checked >= maxCandidates { break search }
                    }
                    if start + length == words.count || referenceStart + length == reference.count { break }
                }
            }
        }
        guard let best, best.gain > 0 else { return (base.distance, nil) }
        return (base.distance, shift(words, start: best.start, length: best.length, to: best.target))
    }

    /// `words` with the block `start..<start+length` moved: taken out, then inserted at `target` of the
    /// remaining words, or at `target - length` when the target lies beyond the block, as sacrebleu's
    /// `_perform_shift` does (targets inside the block count from the remaining words' start).
    static func shift(_ words: [UInt32], start: Int, length: Int, to target: Int) -> [UInt32] {
        var remaining = Array(words[..<start]) + words[(start + length)...]
        let insertion = target > start + length ? target - length : target
        remaining.insert(contentsOf: words[start..<(start + length)], at: min(insertion, remaining.count))
        return remaining
    }
}

/// What the shift search needs from the alignment of a hypothesis with the reference.
private struct TERAlignment {
    /// For each reference word, the hypothesis position it is aligned to (or follows, for a
    /// reference-only word; -1 before the first hypothesis word).
    private var hypothesisPosition: [Int] = []
    /// Prefix sums of errors (substituted or unaligned words) over hypothesis and reference positions.
    private var hypothesisErrors = [0]
    private var referenceErrors = [0]

    init(_ path: [BeamEditDistance.Step]) {
        var hypothesis = -1
        for step in path {
            switch step {
            case .match, .substitution:
                hypothesis += 1
                hypothesisPosition.append(hypothesis)
                let error = step == .substitution ? 1 : 0
                hypothesisErrors.append(hypothesisErrors[hypothesisErrors.count - 1] + error)
                referenceErrors.append(referenceErrors[referenceErrors.count - 1] + error)
            case .hypothesisOnly:
                hypothesis += 1
                hypothesisErrors.append(hypothesisErrors[hypothesisErrors.count - 1] + 1)
            case .referenceOnly:
                hypothesisPosition.append(hypothesis)
                referenceErrors.append(referenceErrors[referenceErrors.count - 1] + 1)
            case .unreachable:
                preconditionFailure("edit path left the band")
            }
        }
    }

    /// Where a hypothesis block matching the reference block at `referenceStart` may be moved: just
    /// after the hypothesis position aligned to each reference position from the one before the block
    /// through its last (the very start for position -1), without repeating a target twice in a row.
    func targets(referenceStart: Int, length: Int) -> [Int] {
        var targets: [Int] = []
        for position in (referenceStart - 1)..<min(referenceStart + length, hypothesisPosition.count) {
            let target = position < 0 ? 0 : hypothesisPosition[position] + 1
            if target != targets.last { targets.append(target) }
        }
        return targets
    }

    /// Whether moving the matched block is worth trying: it covers a hypothesis error and a reference
    /// error, and the reference block's start is not aligned inside the hypothesis block already.
    func worthShifting(start: Int, referenceStart: Int, length: Int) -> Bool {
        guard hypothesisErrors[start + length] - hypothesisErrors[start] > 0,
              referenceErrors[referenceStart + length] - referenceErrors[referenceStart] > 0 else { return false }
        let aligned = hypothesisPosition[referenceStart]
        return !(start <= aligned && aligned < start + length)
    }
}
