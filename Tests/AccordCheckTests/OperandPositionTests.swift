import AccordCheck
import AccordSyntax
import Testing

/// Each error starts exactly where the `⟦` marker is: at the offending operand, not at
/// the whole expression or condition.
@Suite struct OperandPositionTests {
    static let cases: [(String, String)] = [
        (#"Region(trade > ⟦"x")"#, "check.type-mismatch"),
        (#"Region(⟦"x" < trade)"#, "check.type-mismatch"),
        ("Region(name == ⟦3)", "check.type-mismatch"),
        ("Region(⟦coastal < ⟦true)", "check.type-mismatch"),
        ("Region(borders == ⟦codes)", "check.type-mismatch"),
        ("Region(coastal and ⟦population)", "check.type-mismatch"),
        ("Region(not ⟦name)", "check.type-mismatch"),
        ("Region(⟦name - 1 > 0)", "check.type-mismatch"),
        (#"Region(name + ⟦population == "x")"#, "check.type-mismatch"),
        (#"Region(population + 1 == ⟦"x")"#, "check.type-mismatch"),
        ("Region(-⟦name > 0)", "check.type-mismatch"),
        ("Region(⟦3 in borders)", "check.type-mismatch"),
        ("Region(name in ⟦population)", "check.type-mismatch"),
        ("Region(borders contains ⟦1)", "check.type-mismatch"),
        ("Region(⟦population contains 1)", "check.type-mismatch"),
        ("Region(⟦1 in name)", "check.type-mismatch"),
        ("Region(⟦population)", "check.type-mismatch"),
        ("Region(abs(⟦name) > 1)", "check.type-mismatch"),
        (#"Region(starts_with(name, ⟦1))"#, "check.type-mismatch"),
        (#"Region([1, ⟦"a"] != [])"#, "check.type-mismatch"),
        ("test sum(Park(cross_border), ⟦name) > 1", "check.type-mismatch"),
        ("test ⟦1 + 2", "check.type-mismatch"),
        ("Region(count(⟦Prak(cross_border)) > 1)", "check.unknown-template"),
        ("⟦Prak(cross_border)", "check.unknown-template"),
        (#"Region(⟦nmae == "x")"#, "check.unknown-field"),
        ("$a: Region(coastal)\n    Region(name == $a.⟦nam)", "check.unknown-field"),
        ("Region(count(Park(⟦population > 1)) > 0)", "check.unknown-field"),
        ("Region(⟦lenght(name) > 1)", "check.unknown-function"),
        ("Region(⟦round(1, 2) > 1)", "check.wrong-argument-count"),
        ("test count(Park(cross_border), ⟦enterprises) > 1", "check.wrong-argument-count"),
        ("test ⟦sum(Park(cross_border)) > 1", "check.wrong-argument-count"),
        (#"Region(⟦Hub(park == "x"))"#, "check.pattern-outside-aggregate"),
        ("test ⟦coastal", "check.bare-field"),
        ("Region(name == ⟦$x.name)", "check.unbound-variable"),
        ("not Hub(park == ⟦$a.name)\n    $a: Region(coastal)", "check.unbound-variable"),
        ("$a: Region(name == ⟦$a.name)", "check.unbound-variable"),
        ("$a: Region(coastal)\n    ⟦$a: Region(coastal)", "check.duplicate-binding"),
        ("$a: Region(coastal)\n    test ⟦$a == 1", "check.fact-as-value"),
    ]

    @Test(arguments: cases)
    func errorStartsAtTheMarker(_ condition: String, _ code: String) {
        let source = regionTemplates + "rule r {\n  when\n    \(condition)\n  then\n    halt\n}\n"
        let (text, offsets) = marked(source)
        let result = checkSnippet(text)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == Array(repeating: code, count: offsets.count), "\(condition)")
        #expect(errors.map(\.span.start) == offsets, "\(condition): \(located(result))")
    }

    @Test func theMessageNamesBothTypes() {
        let result = checkSnippet(regionTemplates + "rule r {\n  when\n    Region(trade > \"x\")\n  then\n    halt\n}\n")
        #expect(result.diagnostics.map(\.message) == ["cannot compare `float` with `string`"])
        #expect(result.diagnostics.first?.span.text == #""x""#)
    }
}
