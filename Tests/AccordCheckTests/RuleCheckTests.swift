import AccordCheck
import AccordSyntax
import Testing

@Suite struct RuleCheckTests {
    func rule(_ body: String) -> CheckResult {
        checkSnippet(regionTemplates + "rule r {\n\(body)\n}\n")
    }

    @Test func unknownTemplateSuggestsAName() throws {
        let result = rule("when\n  Prak(cross_border)\nthen\n  halt")
        let error = try #require(result.diagnostics.first)
        #expect(error.code == "check.unknown-template")
        #expect(error.message == "unknown template `Prak`")
        #expect(error.notes.map(\.message) == ["did you mean `Park`?"])
        #expect(error.span.text == "Prak")
    }

    @Test func duplicateRuleNotesTheFirst() throws {
        let result = checkSnippet("rule twice { then halt }\nrule twice { then halt }\n")
        let error = try #require(result.diagnostics.first)
        #expect(located(result) == ["check.duplicate-rule 2:6"])
        #expect(error.notes.first?.message == "first defined here")
        #expect(error.notes.first?.span?.startLocation.line == 1)
    }

    @Test func aLaterBindingIsNamedInANote() throws {
        let result = rule("when\n  not Hub(park == $p.name)\n  $p: Park(cross_border)\nthen\n  halt")
        let error = try #require(result.diagnostics.first)
        #expect(located(result) == ["check.unbound-variable 29:19"])
        #expect(error.notes.first?.span?.text == "$p")
        #expect(error.notes.first?.span?.startLocation.line == 30)
    }

    @Test func unusedBindingIsAWarning() {
        let result = rule("when\n  $p: Park(cross_border)\n  $q: Park(host == $p.host)\nthen\n  halt")
        #expect(located(result) == ["check.unused-binding 30:3"])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(!result.hasErrors)
    }

    @Test func aRuleWithoutConditionsIsFine() {
        #expect(rule("then\n  print \"hello\"").diagnostics.isEmpty)
    }

    @Test(arguments: [("-10000", true), ("10000", true), ("0", true), ("-10001", false), ("10001", false)])
    func salienceRange(_ salience: String, _ fine: Bool) {
        let result = rule("salience \(salience)\nthen\n  halt")
        #expect(result.diagnostics.map(\.code) == (fine ? [] : ["check.salience-range"]))
    }

    @Test func recommendationsCanBeMatchedButNotMade() {
        let fine = rule("""
            when
              $rec: Recommendation(score > 0.5, tags contains "parks", category == "innovation")
            then
              recommend "follow up on {$rec.text}" { subject: $rec.subject, score: 1, tags: ["follow-up"] }
            """)
        #expect(fine.diagnostics.isEmpty, "\(located(fine))")
        let wrong = rule("then\n  derive Recommendation { subject: \"x\" }")
        #expect(wrong.diagnostics.map(\.code) == ["check.builtin-template"])
    }

    @Test func actionsCheckRecordsAgainstTheirTemplate() {
        let result = rule("""
            when
              $p: Park(cross_border)
            then
              derive Hub { park: $p.name, size: 3 }
              assert Route { from: $p.host }
              modify $p { name: "renamed", enterprises: $p.enterprises + 1 }
              retract $p
            """)
        #expect(located(result) == ["check.unknown-field 31:31", "check.missing-field 32:10"])
        #expect(result.diagnostics.last?.message == "missing field `to` of `Route`")
    }
}
