import AccordCheck
import AccordEngine
import AccordTooling
import Testing

/// A sweep changes one fact in place and propagates; evaluating each point from scratch
/// (a fresh engine with the fact already changed) must find the same tipping points,
/// the same recommendations appearing and going there, with the same ranks, and the
/// same count at every point.
@Suite struct SweepFromScratchTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let vary: String
        let values: [Value]
        var scenario: String?
        var testDescription: String { vary + (scenario.map { " under \($0)" } ?? "") }
    }

    static let cases: [Case] = [
        Case(vary: #"Region["Jilin"].trade_busd"#, values: stride(from: 0, through: 20, by: 0.5).map { .float($0) }),
        Case(vary: #"Region["Jilin"].trade_busd"#, values: stride(from: 20, through: 0, by: -2.5).map { .float($0) },
             scenario: "heilongjiang_signs_ecommerce"),
        Case(vary: #"Park["Silk Road Innovation Park"].enterprises"#, values: stride(from: 50, through: 0, by: -5).map { .int(Int64($0)) }),
        Case(vary: #"Park["Tomsk Wood Zone"].cross_border"#, values: [.bool(false), .bool(true), .bool(false)]),
        Case(vary: #"Region["Jilin"].country"#, values: [.string("RU"), .string("CN"), .string("KZ")], scenario: "bigger_push"),
        Case(vary: #"Region["Heilongjiang"].trade_busd"#, values: [.float(3), .float(30), .float(12), .float(16), .float(9)]),
    ]

    @Test(arguments: cases)
    func tippingPointsMatchEvaluationFromScratch(_ sweep: Case) throws {
        let program = try WhatIfFixture.program()
        let target = try SweepTarget.resolve(try FieldReference.parse(sweep.vary), in: program)
        let reference = target.reference

        let engine = try WhatIfFixture.evaluated(program, scenario: sweep.scenario)
        let outcome = try SweepRunner.run(target, values: sweep.values, on: engine, scenario: sweep.scenario)

        var previous = try WhatIfFixture.evaluated(program, scenario: sweep.scenario).recommendations()
        #expect(outcome.startCount == previous.count)
        var expectedTips: [String] = []
        for (index, value) in sweep.values.enumerated() {
            let current = try WhatIfFixture.evaluated(program, scenario: sweep.scenario) { engine in
                let id = try #require(engine.fact(reference.template, key: reference.key))
                try engine.modify(id, [reference.field: value])
            }.recommendations()
            #expect(outcome.points[index].recommendations == current.count, "count at \(value)")
            let before = WhatIfFixture.ranked(previous)
            let after = WhatIfFixture.ranked(current)
            let added = after.keys.filter { before[$0] == nil }.sorted().map { "+\($0) #\(after[$0]?.rank ?? 0)" }
            let removed = before.keys.filter { after[$0] == nil }.sorted().map { "-\($0) #\(before[$0]?.rank ?? 0)" }
            if !added.isEmpty || !removed.isEmpty {
                expectedTips.append("\(value): " + (added + removed).joined(separator: ", "))
            }
            previous = current
        }
        let tips = outcome.tippingPoints.map { tip in
            let added = tip.diff.added.map { "+\(WhatIfFixture.identity($0.recommendation)) #\($0.recommendation.rank)" }.sorted()
            let removed = tip.diff.removed.map { "-\(WhatIfFixture.identity($0.recommendation)) #\($0.recommendation.rank)" }.sorted()
            return "\(tip.value): " + (added + removed).joined(separator: ", ")
        }
        #expect(tips == expectedTips)
        #expect(!expectedTips.isEmpty, "each case is meant to tip at least once")
    }
}
