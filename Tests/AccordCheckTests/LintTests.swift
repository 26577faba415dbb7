@testable import AccordCheck
import AccordSyntax
import Testing

/// The interval reasoning of `FieldDomain` against brute force: random sets of
/// comparisons over small ranges, satisfiable exactly when some value satisfies them.
@Suite struct FieldDomainTests {
    /// A small deterministic generator, so a failure reproduces.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    typealias Constraint = (FieldDomain.Comparison, Value)

    static func holds(_ value: Double, _ comparison: FieldDomain.Comparison, _ bound: Double) -> Bool {
        switch comparison {
        case .equal: value == bound
        case .notEqual: value != bound
        case .less: value < bound
        case .lessEqual: value <= bound
        case .greater: value > bound
        case .greaterEqual: value >= bound
        }
    }

    static func number(_ value: Value) -> Double {
        switch value {
        case .int(let number): Double(number)
        case .float(let number): number
        case .string, .bool, .list: .nan
        }
    }

    /// Int and half-integer constants between -4 and 4.
    static func randomConstraint(_ generator: inout Generator) -> Constraint {
        let comparison = FieldDomain.Comparison.allCases.randomElement(using: &generator) ?? .equal
        let halves = Int.random(in: -8...8, using: &generator)
        let value: Value = halves % 2 == 0 && Bool.random(using: &generator) ? .int(Int64(halves / 2)) : .float(Double(halves) / 2)
        return (comparison, value)
    }

    @Test func intFieldsAgreeWithBruteForce() {
        var generator = Generator(state: 7)
        for _ in 0..<3000 {
            let constraints = (0..<Int.random(in: 1...4, using: &generator)).map { _ in FieldDomainTests.randomConstraint(&generator) }
            var domain = FieldDomain(type: .int)
            constraints.forEach { domain?.add($0.0, $0.1) }
            // Every satisfying int lies within one of the constants' range, widened by one.
            let satisfiable = (-6...6).contains { candidate in
                constraints.allSatisfy { FieldDomainTests.holds(Double(candidate), $0.0, FieldDomainTests.number($0.1)) }
            }
            #expect(domain?.isEmpty == !satisfiable, "\(constraints)")
        }
    }

    @Test func floatFieldsAgreeWithBruteForce() {
        var generator = Generator(state: 11)
        for _ in 0..<3000 {
            let constraints = (0..<Int.random(in: 1...4, using: &generator)).map { _ in FieldDomainTests.randomConstraint(&generator) }
            var domain = FieldDomain(type: .float)
            constraints.forEach { domain?.add($0.0, $0.1) }
            // Over the reals it is enough to try every constant, the midpoints between
            // neighbouring constants, and a point beyond each end.
            let bounds = Set(constraints.map { FieldDomainTests.number($0.1) }).sorted()
            var candidates = bounds + [(bounds.first ?? 0) - 1, (bounds.last ?? 0) + 1]
            candidates += zip(bounds, bounds.dropFirst()).map { ($0 + $1) / 2 }
            let satisfiable = candidates.contains { candidate in
                constraints.allSatisfy { FieldDomainTests.holds(candidate, $0.0, FieldDomainTests.number($0.1)) }
            }
            #expect(domain?.isEmpty == !satisfiable, "\(constraints)")
        }
    }

    @Test func stringsAndBools() {
        var names = FieldDomain(type: .string)
        names?.add(.equal, .string("a"))
        #expect(names?.isEmpty == false)
        names?.add(.greater, .string("b"))
        #expect(names?.isEmpty == true)

        var flags = FieldDomain(type: .bool)
        flags?.add(.notEqual, .bool(true))
        #expect(flags?.isEmpty == false)
        flags?.add(.notEqual, .bool(false))
        #expect(flags?.isEmpty == true)
        #expect(FieldDomain(type: .list(.int)) == nil)
    }

    @Test func extremeIntBounds() {
        var above = FieldDomain(type: .int)
        above?.add(.greater, .int(.max))
        #expect(above?.isEmpty == true)
        var atMax = FieldDomain(type: .int)
        atMax?.add(.greaterEqual, .int(.max))
        atMax?.add(.notEqual, .int(.max - 1))
        #expect(atMax?.isEmpty == false)
        var below = FieldDomain(type: .int)
        below?.add(.less, .float(-1e19))
        #expect(below?.isEmpty == true)
    }
}

/// Where lint diagnostics and their notes point; the codes and positions of every case
/// are in the `lint_*` golden fixtures.
@Suite struct LintNoteTests {
    func lint(_ text: String) -> [Diagnostic] {
        let loaded = SourceLoader().load(text: text, path: "snippet.accord")
        #expect(loaded.diagnostics.isEmpty)
        return Checker(lint: true).check(loaded.program).diagnostics
    }

    @Test func aContradictionPointsAtBothConstraints() {
        let (text, marks) = marked(regionTemplates + """
            facts { Region { name: "Jilin", country: "CN" } }
            rule r {
              cite "x"
              when
                $r: Region(⟦trade > 10, ⟦trade < 5)
              then
                recommend "x" { subject: $r.name }
            }
            """)
        let found = lint(text).filter { $0.code == "check.contradictory-constraints" }
        #expect(found.count == 1)
        #expect(found.first?.span.start == marks[1])
        #expect(found.first?.notes.first?.span?.start == marks[0])
    }

    @Test func aNegationCycleNotesEveryRuleOnIt() {
        let (text, marks) = marked("""
            template P { name: string }
            template A { name: string }
            template B { name: string }
            facts { P { name: "x" } }
            rule makes_a { when $p: P(); ⟦not B(name == $p.name) then derive A { name: $p.name } }
            rule makes_b { when $p: P(); ⟦A(name == $p.name) then derive B { name: $p.name } }
            """)
        let loaded = SourceLoader().load(text: text, path: "snippet.accord")
        let found = Checker().check(loaded.program).diagnostics
        #expect(found.map(\.code) == ["check.negation-cycle"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message.contains("`A → not B → A`") == true)
        #expect(found.first?.span.start == marks[0])
        #expect(found.first?.notes.compactMap { $0.span?.start } == marks)
    }

    @Test func aRuleThatNeverFiresNamesTheTemplate() {
        let (text, marks) = marked("""
            template ⟦Hub { park: string }
            rule r { when $h: ⟦Hub() then print $h.park }
            """)
        let found = lint(text)
        #expect(found.map(\.code) == ["check.rule-never-fires"])
        #expect(found.first?.span.start == marks[1])
        #expect(found.first?.notes.first?.span?.start == marks[0])
        #expect(found.first?.notes.first?.message.contains("`Hub`") == true)
    }

    @Test func aScenarioWithoutEffectPointsAtItsChanges() {
        let (text, marks) = marked("""
            template T { key k; k: string; n: int = 0 }
            facts { T { k: "a", n: 1 } }
            rule r { when $t: T(n > 1) then print $t.k }
            scenario ⟦same {
              ⟦modify T["a"] { n: 1 }
            }
            scenario moves {
              modify T["a"] { n: 2 }
            }
            """)
        let found = lint(text)
        #expect(found.map(\.code) == ["check.scenario-no-effect"])
        #expect(found.first?.span.start == marks[0])
        #expect(found.first?.notes.compactMap { $0.span?.start } == [marks[1]])
    }

    @Test func lintWaitsForAProgramWithoutErrors() {
        let loaded = SourceLoader().load(text: "template T { a: int }\nrule r { when T(b > 1, a > 2, a < 1) then halt }", path: "s.accord")
        let codes = Checker(lint: true).check(loaded.program).diagnostics.map(\.code)
        #expect(codes == ["check.unknown-field"])
    }

    @Test func withoutLintOnlyTheCycleErrorRemains() {
        let loaded = SourceLoader().load(text: "template T { a: int }\nrule r { when T(a > 2, a < 1) then halt }", path: "s.accord")
        #expect(Checker().check(loaded.program).diagnostics.isEmpty)
        #expect(Checker(lint: true).check(loaded.program).diagnostics.map(\.code)
                == ["check.rule-never-fires", "check.contradictory-constraints"])
    }
}
