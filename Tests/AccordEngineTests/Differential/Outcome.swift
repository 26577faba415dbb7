import AccordCheck
import AccordEngine

/// What a run of a rule base comes to, in a form the engine and the naive evaluator can
/// both be read into and compared: each item rendered as a line, with its multiplicity
/// (an engine that holds a fact twice differs from one that holds it once).
/// Scores are rounded to 1e-9, so summation order does not matter.
struct Outcome: Equatable {
    /// `rule | subject | text | score`.
    var recommendations: [String: Int] = [:]
    /// The same, as `Recommendation` facts.
    var recommendationFacts: [String: Int] = [:]
    /// Facts of derived templates: `Template { field: value, ... }`.
    var derivedFacts: [String: Int] = [:]
    /// Facts of base templates (a check on the test's own bookkeeping of changes too).
    var givenFacts: [String: Int] = [:]

    static func recommendationLine(rule: String, subject: String, text: String, score: Double) -> String {
        let rounded = (score * 1e9).rounded() / 1e9
        return "\(rule) | \(Scalar.string(subject)) | \(Scalar.string(text)) | \(rounded)"
    }
}

extension Outcome {
    /// The naive evaluator's result on the given facts.
    init(naive result: NaiveEvaluator.Result, given: [Fact], ruleBase: RuleBase) {
        for (key, score) in result.recommendations {
            recommendations[Self.recommendationLine(rule: key.rule, subject: key.subject, text: key.text, score: score), default: 0] += 1
        }
        recommendationFacts = recommendations
        for fact in result.derived { derivedFacts[ruleBase.describe(fact), default: 0] += 1 }
        // Identical unkeyed facts are one fact.
        for fact in Set(given) { givenFacts[ruleBase.describe(fact), default: 0] += 1 }
    }

    /// What the engine holds now. A fact of a derived template must be logical and one of
    /// a base template must not; a fact that is the wrong kind is marked, so it shows up
    /// as a difference. Recommendations are read twice: from `recommendations()`, the
    /// result embedders get, and from the built-in `Recommendation` facts rules see.
    init(engine: Engine, ruleBase: RuleBase) {
        for recommendation in engine.recommendations() {
            recommendations[Self.recommendationLine(rule: recommendation.rule, subject: recommendation.subject,
                                                    text: recommendation.text, score: recommendation.score), default: 0] += 1
        }
        for fact in engine.facts(of: "Recommendation") {
            let fields = Dictionary(fact.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
            guard case .string(let rule)? = fields["rule"], case .string(let subject)? = fields["subject"],
                  case .string(let text)? = fields["text"], case .float(let score)? = fields["score"] else {
                recommendationFacts["malformed: \(fact.fields)", default: 0] += 1
                continue
            }
            recommendationFacts[Self.recommendationLine(rule: rule, subject: subject, text: text, score: score), default: 0] += 1
        }
        for template in ruleBase.templates {
            let isDerived = template.stratum != nil
            for fact in engine.facts(of: template.name) {
                // Rendered as `RuleBase.describe` renders the naive evaluator's facts.
                var line = "\(fact.template) { " + fact.fields.map { "\($0.name): \($0.value)" }.joined(separator: ", ") + " }"
                if fact.isLogical != isDerived { line += fact.isLogical ? " (logical!)" : " (not logical!)" }
                if isDerived {
                    derivedFacts[line, default: 0] += 1
                } else {
                    givenFacts[line, default: 0] += 1
                }
            }
        }
    }

    /// The items `expected` has and `self` lacks, and those `self` has in excess, by kind.
    func difference(from expected: Outcome) -> String {
        var report: [String] = []
        for (kind, actual, wanted) in [("recommendations", recommendations, expected.recommendations),
                                       ("Recommendation facts", recommendationFacts, expected.recommendationFacts),
                                       ("derived facts", derivedFacts, expected.derivedFacts),
                                       ("given facts", givenFacts, expected.givenFacts)] {
            let missing = Self.excess(wanted, over: actual)
            let extra = Self.excess(actual, over: wanted)
            if !missing.isEmpty { report.append("missing \(kind) (naive has, engine lacks):\n" + missing.map { "  - " + $0 }.joined(separator: "\n")) }
            if !extra.isEmpty { report.append("extra \(kind) (engine has, naive lacks):\n" + extra.map { "  + " + $0 }.joined(separator: "\n")) }
        }
        return report.joined(separator: "\n")
    }

    private static func excess(_ a: [String: Int], over b: [String: Int]) -> [String] {
        a.keys.sorted().compactMap { line in
            let surplus = a[line, default: 0] - b[line, default: 0]
            return surplus > 0 ? (surplus == 1 ? line : "\(line) ×\(surplus)") : nil
        }
    }
}
