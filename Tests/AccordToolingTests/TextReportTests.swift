import AccordTooling
import Testing

@Suite struct TextReportTests {
    @Test func rendersARankedReport() throws {
        let text = TextReport().render(try ReportFixture.result())
        #expect(text == """
        2 recommendations from 3 rules (fixture.accord)

        1  0.75  Heilongjiang
           Trade more with Amur Oblast | now
           rule: trade_more (trade; tags: trade)
           details:
             partners: 2
             weight: 1.5
             open: true
             sectors: ["wood", "grain"]
           cite: Ministry | report *2025*

        2  0.50  (no subject)
           Keep watching
           rule: plain

        """)
    }

    @Test func explainShowsDerivationsRecursively() throws {
        let text = TextReport(explain: true).render(try ReportFixture.result())
        #expect(text.contains("""
           because:
             $l: Link { from: "Heilongjiang", to: "Amur Oblast" }
               derived by rule link from:
                 $cn: Region["Heilongjiang"] { name: "Heilongjiang", country: "CN", borders: ["Amur Oblast"], trade: 23.2 }
                   cite: China Daily
                 $ru: Region["Amur Oblast"] { name: "Amur Oblast", country: "RU", borders: ["Heilongjiang"], trade: 0.0 }

        """))
    }

    @Test func colourOnlyWhenAsked() throws {
        let result = try ReportFixture.result()
        #expect(!TextReport(explain: true).render(result).contains("\u{1B}["))
        let coloured = TextReport(explain: true, useColor: true).render(result)
        #expect(coloured.contains("\u{1B}[36mtrade_more\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;32m0.75\u{1B}[0m"))
    }

    @Test func saysWhenThereIsNothing() throws {
        let empty = try ReportFixture.result("template T { a: int }")
        #expect(TextReport().render(empty) == "0 recommendations from 0 rules (fixture.accord)\n\nNo recommendations: there are no rules to evaluate.\n")
        let filtered = try ReportFixture.result(filter: RecommendationFilter(subject: "Jilin"))
        #expect(TextReport().render(filtered) == "0 of 2 recommendations from 3 rules (fixture.accord)\n\nNo recommendation matches the filters.\n")
        let unmatched = try ReportFixture.result("template T { a: int }\nrule r { when T() then recommend \"x\" }")
        #expect(TextReport().render(unmatched).hasSuffix("No recommendations: no rule's conditions hold for these facts.\n"))
    }

    @Test func ranksAlignWhenThereAreTenOrMore() throws {
        let facts = (1...10).map { "  N { v: \($0) }" }.joined(separator: "\n")
        let program = "template N { v: int }\nfacts {\n\(facts)\n}\nrule r { when $n: N() then recommend \"n{$n.v}\" { score: $n.v } }"
        let text = TextReport().render(try ReportFixture.result(program))
        #expect(text.contains("\n 1  10.00  (no subject)\n    n10\n"))
        #expect(text.contains("\n10  1.00  (no subject)\n    n1\n"))
    }

    @Test func summaryNamesTheScenario() throws {
        var result = try ReportFixture.result()
        result.scenario = "dry_year"
        #expect(result.summaryLine == "2 recommendations from 3 rules (fixture.accord, scenario `dry_year`)")
    }
}
