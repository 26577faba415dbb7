@testable import AccordCheck
import AccordSyntax
import Testing

/// The types the checker gives expressions, with `$r` bound to a `Region`.
@Suite struct ExpressionTypeTests {
    @Test(arguments: [
        ("$r.population + 1", ValueType.int),
        ("$r.population + $r.trade", .float),
        ("$r.population / 2", .float),
        ("$r.population % 2", .int),
        ("-$r.population", .int),
        ("-$r.trade * 2", .float),
        ("$r.name + \"!\"", .string),
        ("\"{$r.coastal} and {$r.borders}\"", .string),
        ("[1, 2.5]", .list(.float)),
        ("[]", .list(.unknown)),
        ("[[1], []]", .list(.list(.int))),
        ("$r.borders", .list(.string)),
        ("min(1, 2)", .int),
        ("max(1, 2.5, $r.population)", .float),
        ("min($r.codes)", .int),
        ("abs($r.trade)", .float),
        ("round($r.trade) + floor(1.5) + ceil(0.5)", .int),
        ("count($r.borders) + len($r.name)", .int),
        ("upper($r.name)", .string),
        ("starts_with($r.name, \"J\")", .bool),
        ("count(Park(cross_border))", .int),
        ("sum(Park(cross_border), enterprises)", .int),
        ("sum(Park(cross_border), enterprises * 1.5)", .float),
        ("avg(Park(cross_border), enterprises)", .float),
        ("min(Park(host == $r.name), name)", .string),
        ("\"Jilin\" in $r.borders and 3 not in $r.codes", .bool),
        ("$r.borders contains \"Jilin\" or $r.name contains \"lin\"", .bool),
        ("not $r.coastal", .bool),
        ("($r.trade)", .float),
    ])
    func wellTyped(_ source: String, _ expected: ValueType) {
        let (type, diagnostics) = typeOf(source)
        #expect(type == expected, "\(source)")
        #expect(diagnostics.isEmpty, "\(source): \(diagnostics.map(\.message))")
    }

    /// A mistake gives `unknown`, which nothing complains about again.
    @Test func oneMistakeOneDiagnostic() {
        let (type, diagnostics) = typeOf("($r.name - 1) * 2 + abs($r.name - 1) > 3")
        #expect(type == .bool)
        #expect(diagnostics.map(\.code) == ["check.type-mismatch", "check.type-mismatch"])
    }

    @Test func aBindingAloneIsNotAValue() {
        let (_, diagnostics) = typeOf("$r == $r")
        #expect(diagnostics.map(\.code) == ["check.fact-as-value", "check.fact-as-value"])
        #expect(diagnostics.first?.notes.first?.message == "use one of its fields, such as `$r.name`")
    }
}
