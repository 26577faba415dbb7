import AccordCheck
import AccordEngine
import Testing

/// The promise of `whyNot(... suggestingChanges: true)`: every change it shows makes
/// the rule fire for the subject. Checked over random small rule bases (thresholds on
/// int and float fields, bools, string equalities, a blocking `not`, a needed second
/// fact, a `test` on a binding, a count one fact short) with random facts: each
/// suggestion is applied to a fresh engine built from the same program, which then
/// runs, and the rule must recommend for that subject. The session that answered must
/// be left unchanged. 300 programs, 900 questions; several hundred suggestions
/// verified, over a hundred of them pairs.
@Suite struct CounterfactualPropertyTests {
    static let programCount = 300

    @Test func everySuggestedChangeMakesTheRuleFire() throws {
        var suggestions = 0
        var pairs = 0
        var questions = 0
        for seed in 0..<UInt64(Self.programCount) {
            var random = SplitMix64(seed: seed &* 7919 &+ 17)
            let text = Self.program(&random)
            let engine = try makeEngine(text)
            try engine.run()
            let before = engine.recommendations()
            for subject in ["R0", "R1", "R2"] {
                questions += 1
                let report = try engine.whyNot(rule: "target", subject: subject, suggestingChanges: true)
                if report.fired {
                    #expect(report.changes.isEmpty)
                    continue
                }
                for suggestion in report.changes {
                    suggestions += 1
                    if suggestion.changes.count > 1 { pairs += 1 }
                    let fresh = try makeEngine(text)
                    try fresh.run()
                    try fresh.applySuggested(suggestion.changes)
                    try fresh.run()
                    let fired = try fresh.whyNot(rule: "target", subject: subject).fired
                    #expect(fired, "seed \(seed), subject \(subject): \(suggestion)\n\(text)")
                }
            }
            #expect(engine.recommendations() == before, "seed \(seed): asking changed the session")
            #expect(engine.openCheckpoints == 0)
        }
        // Not vacuous: plenty of suggestions, some of them pairs.
        #expect(questions == Self.programCount * 3)
        #expect(suggestions > 100, "only \(suggestions) suggestions")
        #expect(pairs > 5, "only \(pairs) pairs")
    }

    /// Three regions, blockers and hubs at random; one rule `target` of random conditions.
    static func program(_ random: inout SplitMix64) -> String {
        var text = """
        template Region {
          key name
          name: string
          a: int = 0
          b: float = 0
          flag: bool = false
          kind: string = "x"
        }
        template Block {
          key name
          name: string
          region: string
        }
        template Hub {
          region: string
          size: int = 1
        }
        facts {

        """
        for index in 0..<3 {
            let kind = random.pick(["x", "y"])
            text += "  Region { name: \"R\(index)\", a: \(random.int(in: 0...12)), b: \(random.int(in: 0...40)).\(random.int(in: 0...9)), "
                + "flag: \(random.chance(0.5)), kind: \"\(kind)\" }\n"
            if random.chance(0.3) { text += "  Block { name: \"B\(index)\", region: \"R\(index)\" }\n" }
            if random.chance(0.3) { text += "  Hub { region: \"R\(index)\", size: \(random.int(in: 0...4)) }\n" }
        }
        text += "}\n"
        let constraints = [
            "a > \(random.int(in: 0...12))", "a <= \(random.int(in: 0...12))", "\(random.int(in: 0...12)) < a",
            "b >= \(random.int(in: 0...40)).5", "b < \(random.int(in: 1...40)).25", "flag", "not flag", "kind == \"y\"",
            "a != \(random.int(in: 0...12))",
        ]
        var chosen: [String] = []
        for _ in 0..<random.int(in: 1...3) {
            let constraint = random.pick(constraints)
            if !chosen.contains(constraint) { chosen.append(constraint) }
        }
        var conditions = ["$r: Region(\(chosen.joined(separator: ", ")))"]
        if random.chance(0.4) { conditions.append("not Block(region == $r.name)") }
        if random.chance(0.4) { conditions.append("$h: Hub(region == $r.name, size >= \(random.int(in: 0...4)))") }
        if random.chance(0.3) { conditions.append("test $r.a \(random.pick([">", "<=", ">="])) \(random.int(in: 0...12))") }
        if random.chance(0.2) { conditions.append("test count(Hub(region == $r.name, size == 1)) >= \(random.int(in: 1...2))") }
        text += """
        rule target {
          when
            \(conditions.joined(separator: "\n    "))
          then
            recommend "Act in {$r.name}" { subject: $r.name }
        }

        """
        return text
    }
}
