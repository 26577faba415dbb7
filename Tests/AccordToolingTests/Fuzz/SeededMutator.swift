/// Deterministic mutations of rule files for the mutation test: the same seed gives the
/// same bytes on every machine and run (SplitMix64, not the system generator), so a
/// failure names a case that can be replayed.
struct SeededMutator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    enum Mutation: CaseIterable {
        case flipBit, deleteRange, duplicateRange, splice, deepNesting, invalidUTF8, truncate
    }

    /// `bytes` with `count` mutations applied; `donor` supplies spliced text.
    mutating func mutate(_ bytes: [UInt8], donor: [UInt8], count: Int) -> [UInt8] {
        var result = bytes
        for _ in 0..<count {
            let mutation = Mutation.allCases[below(Mutation.allCases.count)]
            apply(mutation, to: &result, donor: donor)
        }
        return result
    }

    mutating func apply(_ mutation: Mutation, to bytes: inout [UInt8], donor: [UInt8]) {
        let at = below(bytes.count + 1)
        switch mutation {
        case .flipBit:
            guard at < bytes.count else { return }
            bytes[at] ^= UInt8(1) << UInt8(below(8))
        case .deleteRange:
            let range = self.range(in: bytes.count, from: at)
            bytes.removeSubrange(range)
        case .duplicateRange:
            let range = self.range(in: bytes.count, from: at)
            bytes.insert(contentsOf: bytes[range], at: range.upperBound)
        case .splice:
            guard !donor.isEmpty else { return }
            let range = self.range(in: donor.count, from: below(donor.count))
            bytes.insert(contentsOf: donor[range], at: at)
        case .deepNesting:
            // Past the parser's nesting limit, in one of the shapes it must refuse.
            let depth = 200 + below(400)
            let shapes: [(String, String)] = [("(", ")"), ("[", "]"), ("not ", ""), ("- ", ""), ("{", "}")]
            let (open, close) = shapes[below(shapes.count)]
            let text = String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
            bytes.insert(contentsOf: Array(text.utf8), at: at)
        case .invalidUTF8:
            // A lone continuation byte, a truncated sequence, an overlong `/`, a surrogate, 0xFF.
            let sequences: [[UInt8]] = [[0x80], [0xC3], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0xF4, 0x90, 0x80, 0x80]]
            bytes.insert(contentsOf: sequences[below(sequences.count)], at: at)
        case .truncate:
            bytes.removeSubrange(min(at, bytes.count)...)
        }
    }

    /// A short range (up to 64 bytes) starting at `start` inside a buffer of `count`.
    private mutating func range(in count: Int, from start: Int) -> Range<Int> {
        let lower = min(start, count)
        return lower..<min(count, lower + below(65))
    }

    /// A number in `0..<bound` (0 when `bound` is 0).
    mutating func below(_ bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        return Int(next() % UInt64(bound))
    }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
