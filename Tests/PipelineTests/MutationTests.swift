import AccordCheck
import AccordFormat
import AccordSyntax
import AccordTestSupport
import Testing

/// Deletes, duplicates and inserts tokens (and a few raw bytes) in every fixture with
/// a fixed seed, and runs each mutant through parse, check and format. The assertion
/// is that nothing crashes or hangs and every failure comes back as diagnostics.
@Suite struct MutationTests {
    static let fixtures = SourceLoader.accordFiles(under: Fixtures.root)
    static let mutantsPerFixture = 60

    @Test func fixturesExist() {
        #expect(MutationTests.fixtures.count >= 15)
    }

    @Test(arguments: fixtures)
    func mutantsNeverCrash(path: String) {
        let original = Array(Fixtures.read(path).utf8)
        let tokens = Lexer.tokenize(SourceFile(path: path, bytes: original)).tokens.filter { !$0.isEndOfFile }
        var random = SplitMix64(seed: UInt64(truncatingIfNeeded: path.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }))
        var mutantsWithErrors = 0
        for _ in 0..<MutationTests.mutantsPerFixture {
            let mutant = Mutator.mutate(original, tokens: tokens, using: &random)
            let text = String(decoding: mutant, as: UTF8.self)
            let analysis = Frontend.analyze(text: text, path: path)
            if analysis.hasErrors {
                mutantsWithErrors += 1
                #expect(analysis.diagnostics.allSatisfy { !$0.message.isEmpty && !$0.code.isEmpty })
                continue
            }
            // A mutant that is still valid must format stably, like any program.
            let formatted = Formatter.format(text: text, path: path)
            if let once = formatted.text {
                #expect(Formatter.format(text: once, path: path).text == once)
            }
        }
        #expect(mutantsWithErrors > 0, "mutations that never break a fixture are not testing anything")
    }

    @Test func byteLevelDamageIsReported() {
        var random = SplitMix64(seed: 42)
        for path in MutationTests.fixtures.prefix(8) {
            var bytes = Array(Fixtures.read(path).utf8)
            guard !bytes.isEmpty else { continue }
            bytes.insert(0xFF, at: Int(random.next() % UInt64(bytes.count)))
            let file = SourceFile(path: path, bytes: bytes)
            let lexed = Lexer.tokenize(file)
            #expect(lexed.diagnostics.map(\.code) == ["source.invalid-utf8"])
        }
    }
}

/// Mutations at token granularity, so most mutants are near-misses a user could type.
enum Mutator {
    static let insertions: [String] = [
        "{", "}", "(", ")", "[", "]", ",", ";", ":", ".", "\"", "\"{", "$x", "$", "rule", "when", "then",
        "not", "exists", "test", "facts", "template", "==", "-", "/*", "//", "0", "1.5", "\"text\"", "\n", "key",
        "recommend", "modify", "retract", "assert", "count(", "sum(", "Region[", "\"黑龙江\"", "\\",
    ]

    static func mutate(_ bytes: [UInt8], tokens: [Token], using random: inout SplitMix64) -> [UInt8] {
        guard !tokens.isEmpty else { return bytes + Array("}".utf8) }
        let token = tokens[Int(random.next() % UInt64(tokens.count))]
        let start = min(token.start, bytes.count)
        let end = min(max(token.end, start), bytes.count)
        switch random.next() % 5 {
        case 0:
            return Array(bytes[..<start]) + Array(bytes[end...])
        case 1:
            return Array(bytes[..<end]) + Array(bytes[start..<end]) + Array(bytes[end...])
        case 2:
            let insertion = insertions[Int(random.next() % UInt64(insertions.count))]
            return Array(bytes[..<start]) + Array(insertion.utf8) + Array(" ".utf8) + Array(bytes[start...])
        case 3:
            return Array(bytes[..<start])
        default:
            let other = tokens[Int(random.next() % UInt64(tokens.count))]
            let otherStart = min(other.start, bytes.count)
            let otherEnd = min(max(other.end, otherStart), bytes.count)
            return Array(bytes[..<start]) + Array(bytes[otherStart..<otherEnd]) + Array(bytes[end...])
        }
    }
}

/// A small, fixed-seed generator, so every run tries the same mutants.
struct SplitMix64: RandomNumberGenerator {
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
}
