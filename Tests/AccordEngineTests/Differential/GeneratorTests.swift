import Testing

/// The differential test is only as good as its programs and its oracle: these tests pin
/// that the generator is deterministic and keeps covering the declarative subset, and
/// that the naive evaluator gets a known case right.
@Suite struct GeneratorTests {
    @Test func aSeedAlwaysNamesTheSameProgram() {
        for seed in [UInt64(1), 42, 200] {
            #expect(RandomRuleBase.make(seed: seed).text == RandomRuleBase.make(seed: seed).text)
        }
        #expect(RandomRuleBase.make(seed: 1).text != RandomRuleBase.make(seed: 2).text)
    }

    /// How many of the differential test's programs use each feature; each must stay
    /// common, so that a change to the generator cannot quietly stop testing it.
    @Test func programsCoverTheDeclarativeSubset() {
        var census: [String: Int] = [:]
        var productive = 0
        for seed in DifferentialTests.seeds {
            let ruleBase = RandomRuleBase.make(seed: seed)
            for feature in Set(features(of: ruleBase)) { census[feature, default: 0] += 1 }
            let result = NaiveEvaluator(ruleBase: ruleBase).evaluate(given: ruleBase.givenFacts)
            if !result.derived.isEmpty || !result.recommendations.isEmpty { productive += 1 }
        }
        let programs = DifferentialTests.seeds.count
        for feature in ["join", "not", "not with a binding", "exists", "exists with a binding", "test", "count", "sum", "min",
                        "max", "avg", "aggregate in a score", "aggregate in a pattern", "derive", "recursion",
                        "two strata", "keyed template", "float field", "default value", "recommend with interpolation"] {
            #expect(census[feature, default: 0] * 10 >= programs, "only \(census[feature, default: 0]) of \(programs) programs use \(feature)")
        }
        #expect(productive * 10 >= programs * 8, "only \(productive) of \(programs) programs derive or recommend anything")
    }

    @Test func naiveEvaluatorComputesTransitiveClosure() {
        let edges = [(1, 2), (2, 3), (3, 1), (3, 4)]
        var ruleBase = RuleBase(
            templates: [
                TemplateSpec(name: "Edge", fields: [FieldSpec(name: "n", kind: .int, defaultValue: nil),
                                                    FieldSpec(name: "m", kind: .int, defaultValue: nil)], key: nil, stratum: nil),
                TemplateSpec(name: "Reach", fields: [FieldSpec(name: "n", kind: .int, defaultValue: nil),
                                                     FieldSpec(name: "m", kind: .int, defaultValue: nil)], key: nil, stratum: 1),
            ],
            facts: edges.map { FactSpec(template: "Edge", given: [("n", .int(Int64($0))), ("m", .int(Int64($1)))]) },
            rules: [
                RuleSpec(name: "base", conditions: [.match(binding: "e", PatternSpec(template: "Edge", constraints: []))],
                         actions: [.derive(template: "Reach", fields: [("n", .binding("e", "n")), ("m", .binding("e", "m"))])]),
                RuleSpec(name: "step", conditions: [
                    .match(binding: "r", PatternSpec(template: "Reach", constraints: [])),
                    .match(binding: "e", PatternSpec(template: "Edge", constraints: [.binary(.equal, .field("n"), .binding("r", "m"))])),
                ], actions: [.derive(template: "Reach", fields: [("n", .binding("r", "n")), ("m", .binding("e", "m"))])]),
                RuleSpec(name: "unreachable", conditions: [
                    .match(binding: "e", PatternSpec(template: "Edge", constraints: [])),
                    .not(PatternSpec(template: "Reach", constraints: [.binary(.equal, .field("n"), .binding("e", "m")),
                                                                      .binary(.equal, .field("m"), .binding("e", "n"))])),
                ], actions: [.recommend(text: [.literal("no way back from "), .value(.binding("e", "m"))], subject: nil,
                                        score: .aggregate(.count, PatternSpec(template: "Edge", constraints: []), nil))]),
            ])
        var result = NaiveEvaluator(ruleBase: ruleBase).evaluate(given: ruleBase.givenFacts)
        // 1, 2 and 3 reach one another and 4; 4 reaches nothing.
        #expect(result.derived.count == 12)
        #expect(result.recommendations == [.init(rule: "unreachable", subject: "", text: "no way back from 4"): 4])
        ruleBase.facts.removeFirst(2)
        result = NaiveEvaluator(ruleBase: ruleBase).evaluate(given: ruleBase.givenFacts)
        // 3→1, 3→4 and 3→1→... nothing more.
        #expect(Set(result.derived.map(\.values)) == [[.int(3), .int(1)], [.int(3), .int(4)]])
    }
}

/// The features a rule base uses, as `programsCoverTheDeclarativeSubset` counts them.
private func features(of ruleBase: RuleBase) -> [String] {
    var found: [String] = []
    let strata = Set(ruleBase.templates.compactMap(\.stratum))
    if strata.count >= 2 { found.append("two strata") }
    for template in ruleBase.templates {
        if template.key != nil { found.append("keyed template") }
        if template.fields.contains(where: { $0.kind == .float }) { found.append("float field") }
        if template.fields.contains(where: { $0.defaultValue != nil }) { found.append("default value") }
    }
    for rule in ruleBase.rules {
        var matched: [String] = []
        for condition in rule.conditions {
            switch condition {
            case .match(_, let pattern):
                matched.append(pattern.template)
                if pattern.constraints.contains(where: \.readsBinding) { found.append("join") }
                if pattern.constraints.contains(where: { !$0.aggregates.isEmpty }) { found.append("aggregate in a pattern") }
            case .not(let pattern):
                found.append("not")
                if pattern.constraints.contains(where: \.readsBinding) { found.append("not with a binding") }
            case .exists(let pattern):
                found.append("exists")
                if pattern.constraints.contains(where: \.readsBinding) { found.append("exists with a binding") }
            case .test(let expression):
                found.append("test")
                found += expression.aggregates.compactMap { if case .aggregate(let function, _, _) = $0 { function.rawValue } else { nil } }
            }
        }
        for action in rule.actions {
            switch action {
            case .derive(let template, let fields):
                found.append("derive")
                if let stratum = ruleBase.template(named: template).stratum,
                   matched.contains(where: { ruleBase.template(named: $0).stratum == stratum }) { found.append("recursion") }
                found += fields.flatMap(\.value.aggregates).compactMap { if case .aggregate(let function, _, _) = $0 { function.rawValue } else { nil } }
            case .recommend(let text, _, let score):
                if text.contains(where: { if case .value = $0 { true } else { false } }) { found.append("recommend with interpolation") }
                if let score, !score.aggregates.isEmpty {
                    found.append("aggregate in a score")
                    found += score.aggregates.compactMap { if case .aggregate(let function, _, _) = $0 { function.rawValue } else { nil } }
                }
            }
        }
    }
    return found
}

private extension Expr {
    /// Reads a `$binding` (outside any aggregate's own pattern too).
    var readsBinding: Bool {
        switch self {
        case .binding: true
        case .literal, .field: false
        case .binary(_, let lhs, let rhs): lhs.readsBinding || rhs.readsBinding
        case .not(let inner), .negate(let inner): inner.readsBinding
        case .call(_, let arguments): arguments.contains(where: \.readsBinding)
        case .aggregate(_, let pattern, let value): pattern.constraints.contains(where: \.readsBinding) || (value?.readsBinding ?? false)
        }
    }
}
