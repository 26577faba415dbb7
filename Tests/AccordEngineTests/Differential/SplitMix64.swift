/// A fixed, seedable pseudo-random generator (Steele, Lea and Flood's SplitMix64).
/// The differential test draws every choice from it, never from system randomness,
/// and uses its own range and shuffle helpers rather than the standard library's, so a
/// seed names the same program on every machine and toolchain: a failing seed is a
/// reproducible bug report.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range` (the modulo bias is irrelevant for ranges this small).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    mutating func pick<T>(_ elements: [T]) -> T {
        precondition(!elements.isEmpty, "pick from an empty list")
        return elements[int(in: 0...(elements.count - 1))]
    }

    /// Fisher–Yates.
    mutating func shuffled<T>(_ elements: [T]) -> [T] {
        var result = elements
        for index in result.indices.reversed() where index > 0 {
            result.swapAt(index, int(in: 0...index))
        }
        return result
    }
}
