import AccordCheck
import AccordEngine
import AccordSyntax
import Testing

/// What-if properties (issue 4, "Tests") over random rule bases: a random scenario
/// applied inside a checkpoint and rolled back gives back exactly the baseline — facts,
/// recommendations with their explanations, and nothing left to fire — and the diff
/// recorded from truth-maintenance events equals the set difference computed naively
/// from the full results before and after.
///
/// Half the programs get rules whose actions outlive their match (`assert`, `modify`,
/// `retract`): a rollback must undo what they did in the scenario and must not do again
/// what they did before the checkpoint.
@Suite struct RollbackPropertyTests {
    static let seeds: [UInt64] = Array(1...150)

    @Test(arguments: seeds)
    func rollbackGivesBackTheBaselineAndTheDiffIsTheSetDifference(seed: UInt64) throws {
        let ruleBase = RandomRuleBase.make(seed: seed)
        var random = SplitMix64(seed: seed ^ 0x0B5E_55ED)
        let withActions = seed % 2 == 0
        let text = withActions ? ruleBase.text + Self.lastingActions(for: ruleBase) : ruleBase.text
        let engine = try makeEngine(text)
        try engine.run(maxFirings: 100_000)
        let baseline = SessionState(engine)
        let changes = RandomFactChange.sequence(for: ruleBase, count: random.int(in: 1...12), using: &random)
        let story = "seed \(seed)\n--- program ---\n\(text)\n--- changes ---\n"
            + changes.map(ruleBase.describe).joined(separator: "\n")

        let start = engine.checkpoint()
        engine.startDiff()
        var applier = ChangeApplier(ruleBase: ruleBase)
        for (index, change) in changes.enumerated() {
            engine.noteCause(index)
            if case .applied = try applier.apply(change, to: engine) { try engine.run(maxFirings: 100_000) }
        }
        let diff = engine.finishDiff()
        let after = SessionState(engine)
        let naive = NaiveDiff(before: baseline.scores, after: after.scores)
        #expect(DiffLines(diff) == naive.lines, "\(story)")
        for entry in diff.added + diff.changed {
            #expect(after.results[entry.recommendation.summary] != nil, "\(entry.recommendation.summary)\n\(story)")
        }
        for entry in diff.removed {
            #expect(baseline.results[entry.recommendation.summary] != nil, "\(entry.recommendation.summary)\n\(story)")
        }

        try engine.rollback(to: start)
        let restored = SessionState(engine)
        #expect(restored.facts == baseline.facts, "\(story)\n\(restored.facts.difference(from: baseline.facts))")
        #expect(restored.results == baseline.results, "\(story)\n\(restored.results.difference(from: baseline.results))")
        let firings = engine.statistics.firings
        try engine.run(maxFirings: 100_000)
        #expect(engine.statistics.firings == firings, "a rollback left matches to fire\n\(story)")
        #expect(SessionState(engine).facts == baseline.facts, "\(story)")
    }

    /// Rules whose effects last: a copy of each matching base fact (unkeyed, so asserting
    /// it twice would show as a second `tag`), marked by a `modify`, and retracted again
    /// for larger values.
    static func lastingActions(for ruleBase: RuleBase) -> String {
        guard let base = ruleBase.baseTemplates.first else { return "" }
        return """

        template Echo { n: int, tag: string, serial: int = 0 }
        rule echo_copies { when $b: \(base.name)(n > 0) then assert Echo { n: $b.n, tag: "new" } }
        rule echo_marks { when $e: Echo(tag == "new") then modify $e { tag: "seen", serial: $e.serial + 1 } }
        rule echo_drops { when $e: Echo(tag == "seen", n > 2) then retract $e }
        rule echo_advises { when $e: Echo(tag == "seen") then recommend "echo {$e.n}" { score: 0.1 * $e.n } }

        """
    }
}

/// What a rollback must restore: every live fact (by content: logical facts may come back
/// under new ids) and every recommendation with the facts that support it. Which of
/// several derivations of a fact an explanation tells depends on the order matches were
/// made in, so derivations are not compared.
struct SessionState {
    let facts: [String: Int]
    let results: [String: Int]
    let scores: [RecommendationID: Double]

    init(_ engine: Engine) {
        var facts: [String: Int] = [:]
        for fact in engine.facts() {
            let fields = fact.fields.map { "\($0.name): \($0.value)" }.joined(separator: ", ")
            facts["\(fact.template) { \(fields) }\(fact.isLogical ? " (logical)" : "")", default: 0] += 1
        }
        self.facts = facts
        var results: [String: Int] = [:]
        var scores: [RecommendationID: Double] = [:]
        for result in engine.recommendations() {
            results[result.summary, default: 0] += 1
            scores[RecommendationID(result)] = result.score
        }
        self.results = results
        self.scores = scores
    }
}

/// A recommendation's identity: rule, subject and text.
struct RecommendationID: Hashable {
    let rule: String
    let subject: String
    let text: String

    init(_ result: RecommendationResult) {
        rule = result.rule
        subject = result.subject
        text = result.text
    }

    var name: String { "\(rule) | \(subject) | \(text)" }
}

extension RecommendationResult {
    /// Everything but the rank (a diff does not compute it) and the derivations told for
    /// derived supports; supports as a set.
    var summary: String {
        let facts = Set(because.map { "\($0.template) \($0.fields.map { "\($0.name): \($0.value)" })" }).sorted()
        return "\(rule) | \(subject) | \(text) | \(score) | \(category) | \(tags) | \(details) | because \(facts)"
    }
}

/// A diff as comparable lines: `+ id`, `- id`, `~ id before → after`.
struct DiffLines: Equatable, CustomStringConvertible {
    let lines: [String]

    init(_ diff: RecommendationDiff) {
        lines = (diff.added.map { "+ \(Self.name($0.recommendation))" }
            + diff.removed.map { "- \(Self.name($0.recommendation))" }
            + diff.changed.map { "~ \(Self.name($0.recommendation)) \($0.scoreBefore ?? .nan) → \($0.scoreAfter ?? .nan)" }).sorted()
    }

    init(lines: [String]) {
        self.lines = lines.sorted()
    }

    static func name(_ result: RecommendationResult) -> String {
        "\(result.rule) | \(result.subject) | \(result.text)"
    }

    var description: String { lines.joined(separator: "\n") }
}

/// The diff computed the slow way: both full result sets, compared.
struct NaiveDiff {
    let lines: DiffLines

    init(before: [RecommendationID: Double], after: [RecommendationID: Double]) {
        var lines: [String] = []
        for (id, score) in after {
            if let old = before[id] {
                if old != score { lines.append("~ \(id.name) \(old) → \(score)") }
            } else {
                lines.append("+ \(id.name)")
            }
        }
        for id in before.keys where after[id] == nil { lines.append("- \(id.name)") }
        self.lines = DiffLines(lines: lines)
    }
}

extension [String: Int] {
    /// The lines whose counts differ, as `line: expected → actual`.
    func difference(from expected: [String: Int]) -> String {
        Set(keys).union(expected.keys).sorted().compactMap { key in
            self[key] == expected[key] ? nil : "\(key): \(expected[key] ?? 0) → \(self[key] ?? 0)"
        }.joined(separator: "\n")
    }
}
