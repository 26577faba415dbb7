import AccordCheck
import AccordEngine
import AccordTooling
import Testing

/// `WhatIfRunner` against the naive answer: the set difference between the baseline
/// and a fresh engine evaluated under the scenario, with ranks from those two lists;
/// and the session is back at its baseline after every scenario.
@Suite struct WhatIfRunnerTests {
    static let scenarios = ["heilongjiang_signs_ecommerce", "bigger_push", "amur_trade_figure"]

    @Test(arguments: scenarios)
    func diffEqualsTheNaiveSetDifference(_ scenario: String) throws {
        let program = try WhatIfFixture.program()
        let engine = try WhatIfFixture.evaluated(program)
        let baseline = engine.recommendations()
        let result = try WhatIfRunner(engine: engine).evaluate(scenario: scenario)
        let scenarioList = try WhatIfFixture.evaluated(program, scenario: scenario).recommendations()

        let before = WhatIfFixture.ranked(baseline)
        let after = WhatIfFixture.ranked(scenarioList)
        let added = after.keys.filter { before[$0] == nil }.sorted().map { "\($0) #\(after[$0]?.rank ?? 0)" }
        let removed = before.keys.filter { after[$0] == nil }.sorted().map { "\($0) #\(before[$0]?.rank ?? 0)" }
        let changed = after.keys.filter { key in before[key].map { $0.score != after[key]?.score } ?? false }.sorted()
            .map { "\($0) #\(after[$0]?.rank ?? 0)" }
        func listed(_ entries: [RankedDiff.Entry]) -> [String] {
            entries.map { "\(WhatIfFixture.identity($0.recommendation)) #\($0.recommendation.rank)" }.sorted()
        }
        #expect(listed(result.diff.added) == added)
        #expect(listed(result.diff.removed) == removed)
        #expect(listed(result.diff.changed) == changed)
        #expect(result.baselineCount == baseline.count)
        #expect(result.count == scenarioList.count)
        // Rolled back: the same recommendations as before, ready for the next scenario.
        #expect(engine.recommendations() == baseline)
        #expect(engine.openCheckpoints == 0)
    }

    /// A change names only what it changed: `bigger_push` modifies Jilin twice, and the
    /// first modify (12.5, still under the threshold of 15) only rederived the
    /// diversification advice, which the second (18) removed.
    @Test func causesNameTheChangesThatChangedARecommendation() throws {
        let program = try WhatIfFixture.program()
        let engine = try WhatIfFixture.evaluated(program)
        let result = try WhatIfRunner(engine: engine).evaluate(scenario: "bigger_push")
        func causes(_ entries: [RankedDiff.Entry], _ rule: String) -> [String] {
            entries.first { $0.recommendation.rule == rule }?.causes.map { "\($0.scenario):\($0.line) \($0.change)" } ?? []
        }
        #expect(causes(result.diff.removed, "diversify_trade") == [#"bigger_push:14 modify Region["Jilin"]"#])
        #expect(causes(result.diff.added, "joint_logistics_centre") == [#"heilongjiang_signs_ecommerce:8 modify Region["Jilin"]"#])
        #expect(causes(result.diff.changed, "corridor_agreement") == [
            #"heilongjiang_signs_ecommerce:8 modify Region["Jilin"]"#, #"bigger_push:14 modify Region["Jilin"]"#,
        ])
        #expect(causes(result.diff.removed, "corridor_agreement")
            == [#"heilongjiang_signs_ecommerce:3 assert Agreement { parties: ["Heilongjiang", "Amur Oblast"], … }"#])
        #expect(causes(result.diff.removed, "park_tech_transfer_hub").count == 1)
        #expect(result.parents == ["heilongjiang_signs_ecommerce"])
        #expect(result.title == "The agreement, and Jilin's trade and park grow further")
    }

    /// Scenarios evaluated one after another on the same engine each start from the baseline.
    @Test func scenariosDoNotLeakIntoEachOther() throws {
        let program = try WhatIfFixture.program()
        let engine = try WhatIfFixture.evaluated(program)
        let runner = WhatIfRunner(engine: engine)
        let first = try runner.evaluate(scenario: "bigger_push")
        _ = try runner.evaluate(scenario: "heilongjiang_signs_ecommerce")
        let again = try runner.evaluate(scenario: "bigger_push")
        #expect(first == again)
    }
}
