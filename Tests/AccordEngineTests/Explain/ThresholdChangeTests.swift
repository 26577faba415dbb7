import AccordCheck
import AccordEngine
import Testing

/// The value a suggested `modify` tries for a failing comparison: the next integer for
/// an int field, a clean value just past the bound for a float field, the bound itself
/// when it is inclusive; the field on either side of the comparison.
@Suite struct ThresholdChangeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let constraint: String
        let current: String
        let tried: Value
        var testDescription: String { constraint }
    }

    static let cases: [Case] = [
        Case(constraint: "a > 10", current: "a: 4", tried: .int(11)),
        Case(constraint: "a >= 10.5", current: "a: 4", tried: .int(11)),
        Case(constraint: "a < 3", current: "a: 4", tried: .int(2)),
        Case(constraint: "a <= -2", current: "a: 4", tried: .int(-2)),
        Case(constraint: "10 < a", current: "a: 4", tried: .int(11)),
        Case(constraint: "a == 7", current: "a: 4", tried: .int(7)),
        Case(constraint: "a != 4", current: "a: 4", tried: .int(5)),
        Case(constraint: "b > 2.5", current: "b: 1.0", tried: .float(2.6)),
        Case(constraint: "b > 10", current: "b: 1.0", tried: .float(11)),
        Case(constraint: "b > 0", current: "b: -1.0", tried: .float(0.1)),
        Case(constraint: "b < 0.61", current: "b: 1.0", tried: .float(0.6)),
        Case(constraint: "b >= 3.3", current: "b: 1.0", tried: .float(3.3)),
        Case(constraint: "b > 1234.5", current: "b: 1.0", tried: .float(1300)),
        Case(constraint: "kind == \"y\"", current: "kind: \"x\"", tried: .string("y")),
        Case(constraint: "flag", current: "flag: false", tried: .bool(true)),
        Case(constraint: "not flag", current: "flag: true", tried: .bool(false)),
        Case(constraint: "\"wood\" in sectors", current: "sectors: [\"grain\"]", tried: .list([.string("grain"), .string("wood")])),
    ]

    @Test(arguments: cases)
    func theNearestSatisfyingValueIsTried(_ example: Case) throws {
        let engine = try makeEngine("""
        template Region {
          key name
          name: string
          a: int = 0
          b: float = 0
          kind: string = "x"
          flag: bool = false
          sectors: [string] = []
        }
        facts {
          Region { name: "Jilin", \(example.current) }
        }
        rule target {
          when
            $r: Region(\(example.constraint))
          then
            recommend "Act in {$r.name}" { subject: $r.name }
        }
        """)
        try engine.run()
        let report = try engine.whyNot(rule: "target", subject: "Jilin", suggestingChanges: true)
        let change = try #require(report.changes.first?.changes.first, "\(report)")
        guard case .modify(let template, let key, _, _, let needs, let value) = change else {
            Issue.record("expected a modify, got \(change)")
            return
        }
        #expect(template == "Region" && key == [.string("Jilin")])
        #expect(value == example.tried, "needs \(needs)")
    }
}
