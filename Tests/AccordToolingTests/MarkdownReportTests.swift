import AccordTooling
import Testing

@Suite struct MarkdownReportTests {
    @Test func rendersTitleTableAndSections() throws {
        let markdown = MarkdownReport().render(try ReportFixture.result())
        #expect(markdown == #"""
        # Recommendations

        2 recommendations from 3 rules (fixture.accord): 3 facts, 3 firings.

        | Rank | Score | Subject | Recommendation | Rule |
        | ---: | ---: | --- | --- | --- |
        | 1 | 0.75 | Heilongjiang | Trade more with Amur Oblast \| now | `trade_more` |
        | 2 | 0.50 |  | Keep watching | `plain` |

        ## 1. Trade more with Amur Oblast \| now

        - **Subject:** Heilongjiang
        - **Score:** 0.75
        - **Rule:** `trade_more`
        - **Category:** trade
        - **Tags:** trade
        - **Details:**
          - partners: 2
          - weight: 1.5
          - open: true
          - sectors: wood, grain
        - **Cite:** Ministry \| report \*2025\*

        ## 2. Keep watching

        - **Score:** 0.50
        - **Rule:** `plain`

        """#)
    }

    @Test func explainNestsSupportsAsLists() throws {
        let markdown = MarkdownReport(explain: true).render(try ReportFixture.result())
        #expect(markdown.contains(#"""
        **Because:**

        - `$l: Link { from: "Heilongjiang", to: "Amur Oblast" }`
          - derived by rule `link` from:
            - `$cn: Region["Heilongjiang"] { name: "Heilongjiang", country: "CN", borders: ["Amur Oblast"], trade: 23.2 }` (cite: China Daily)
            - `$ru: Region["Amur Oblast"] { name: "Amur Oblast", country: "RU", borders: ["Heilongjiang"], trade: 0.0 }`

        """#))
    }

    @Test func saysWhenThereIsNothing() throws {
        let markdown = MarkdownReport().render(try ReportFixture.result("template T { a: int }"))
        #expect(markdown.hasSuffix("\n\nNo recommendations: there are no rules to evaluate.\n"))
        #expect(!markdown.contains("| Rank |"))
    }
}
