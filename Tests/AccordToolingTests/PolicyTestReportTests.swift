import AccordEngine
import AccordTooling
import Testing

/// The text of `accord test` beyond the goldens: the summary line, what is said when no
/// test runs, colour only on request, and long lists cut short.
@Suite struct PolicyTestReportTests {
    @Test func theSummaryIsTheLastLine() throws {
        let results = try PolicyTestRunnerTests.run(PolicyTestRunnerTests.changingTests)
        let text = PolicyTestReport().render(results)
        #expect(text.hasSuffix("\n\n4 passed, 1 failed\n"))
        #expect(text.hasPrefix("✓ retract and assert  tests.accord:"))
        #expect(text.contains("\n✗ fails at the baseline  tests.accord:"))
    }

    @Test func anEmptySelectionSaysSo() {
        #expect(PolicyTestReport().render([]) == "no tests found\n\n0 passed, 0 failed\n")
        #expect(PolicyTestReport().render([], filter: "jilin") == "no test name contains `jilin`\n\n0 passed, 0 failed\n")
    }

    @Test func colourOnlyWhenEnabled() throws {
        let results = try PolicyTestRunnerTests.run(PolicyTestRunnerTests.changingTests)
        let plain = PolicyTestReport(useColor: false).render(results)
        let coloured = PolicyTestReport(useColor: true).render(results)
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1;32m✓\u{1B}[0m retract and assert"))
        #expect(coloured.contains("\u{1B}[1;31m✗\u{1B}[0m fails at the baseline"))
        #expect(coloured.hasSuffix("4 passed, 1 failed\n"), "the summary stays plain for scripts")
    }

    /// A failure states the expectation as written, then expected and actual.
    @Test func aFailureShowsExpectedAndActual() throws {
        let results = try PolicyTestRunnerTests.run("""
        test "t" {
          expect recommend sign for "Jilin" with score >= 0.6
          expect no fact Corridor()
        }
        """)
        let block = try #require(results.first.map(PolicyTestReport().block))
        #expect(block.hasSuffix("""
            expect recommend sign for "Jilin" with score >= 0.6
              expected: a recommendation of sign for "Jilin" with score >= 0.6
              actual: rule sign produced 2 recommendations:
                for "Heilongjiang", score 0.732
                for "Jilin", score 0.56
            expect no fact Corridor()
              expected: no fact matching Corridor()
              actual: 2 matching facts:
                Corridor { from: "Heilongjiang", to: "Amur Oblast" }
                Corridor { from: "Jilin", to: "Amur Oblast" }

        """))
    }

    @Test func longListsEndWithHowManyMore() throws {
        let facts = (1...8).map { "  Region { name: \"R\($0)\", country: \"KZ\" }" }.joined(separator: "\n")
        let results = try PolicyTestRunnerTests.run("""
        facts {
        \(facts)
        }
        test "t" {
          expect fact Region(country == "MN")
          expect no fact Region(country == "KZ")
        }
        """)
        let block = try #require(results.first.map(PolicyTestReport().block))
        #expect(block.contains("actual: none of the 11 Region facts matches:\n"))
        #expect(block.contains("        … and 8 more\n"))
        #expect(block.contains("actual: 8 matching facts:\n"))
        #expect(block.contains("        … and 5 more\n"))
    }
}
