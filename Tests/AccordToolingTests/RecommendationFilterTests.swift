import AccordTooling
import Testing

@Suite struct RecommendationFilterTests {
    static let program = """
    template P { key name; name: string, region: string, score: float, tags: [string] = [] }
    facts {
      P { name: "a", region: "Jilin", score: 0.9, tags: ["trade"] }
      P { name: "b", region: "Heilongjiang", score: 0.8, tags: ["trade", "ports"] }
      P { name: "c", region: "Jilin", score: 0.7, tags: ["ports"] }
      P { name: "d", region: "Jilin", score: 0.6 }
    }
    rule r {
      tags all
      when $p: P()
      then recommend "{$p.name}" { subject: $p.region, score: $p.score, tags: $p.tags }
    }
    """

    func ranks(_ filter: RecommendationFilter) throws -> [Int] {
        try ReportFixture.result(Self.program, filter: filter).recommendations.map(\.rank)
    }

    @Test func noFilterKeepsEverything() throws {
        #expect(try ranks(.none) == [1, 2, 3, 4])
    }

    @Test func subjectMatchesExactly() throws {
        #expect(try ranks(RecommendationFilter(subject: "Jilin")) == [1, 3, 4])
        #expect(try ranks(RecommendationFilter(subject: "jilin")) == [])
    }

    @Test func everyTagIsRequired() throws {
        #expect(try ranks(RecommendationFilter(tags: ["trade"])) == [1, 2])
        #expect(try ranks(RecommendationFilter(tags: ["trade", "ports"])) == [2])
        #expect(try ranks(RecommendationFilter(tags: ["all"])) == [1, 2, 3, 4])
    }

    @Test func topTakesTheBestOfWhatTheOtherFiltersKeep() throws {
        #expect(try ranks(RecommendationFilter(top: 2)) == [1, 2])
        #expect(try ranks(RecommendationFilter(subject: "Jilin", top: 2)) == [1, 3])
        #expect(try ranks(RecommendationFilter(tags: ["ports"], top: 10)) == [2, 3])
    }
}
