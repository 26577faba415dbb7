import AccordTooling
import Foundation
import Testing

@Suite struct JSONReportTests {
    @Test func recommendationsFollowTheContractsOrder() throws {
        let json = JSONReport().render(try ReportFixture.result())
        let keys = ["rank", "rule", "subject", "text", "score", "category", "tags", "cite", "details", "because"]
        let positions = keys.map { json.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(json.hasSuffix("""
          "stats": {
            "facts": 3,
            "recommendations": 2,
            "rules": 3,
            "firings": 3
          }
        }

        """))
    }

    @Test func valuesKeepTheirTypes() throws {
        let json = JSONReport().render(try ReportFixture.result())
        #expect(json.contains("""
              "details": {
                "partners": 2,
                "weight": 1.5,
                "open": true,
                "sectors": ["wood", "grain"]
              },
        """))
        #expect(json.contains("\"score\": 0.75,"))
        #expect(json.contains("\"trade\": 0.0\n"))
        #expect(json.contains("\"cite\": null,"))
        #expect(json.contains("\"key\": [],"))
    }

    @Test func derivedSupportsNestRecursively() throws {
        let result = try ReportFixture.result()
        let first = try #require(result.recommendations.first)
        let support = JSONReport.support(try #require(first.because.first))
        #expect(support.compact() == #"""
        {"template":"Link","key":[],"fields":{"from":"Heilongjiang","to":"Amur Oblast"},"cite":null,"derived_by":{"rule":"link","because":[{"template":"Region","key":["Heilongjiang"],"fields":{"name":"Heilongjiang","country":"CN","borders":["Amur Oblast"],"trade":23.2},"cite":"China Daily","binding":"cn"},{"template":"Region","key":["Amur Oblast"],"fields":{"name":"Amur Oblast","country":"RU","borders":["Heilongjiang"],"trade":0.0},"cite":null,"binding":"ru"}]},"binding":"l"}
        """#)
    }

    @Test func parsesAsJSON() throws {
        let json = JSONReport().render(try ReportFixture.result())
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let document = try #require(object as? [String: Any])
        let recommendations = try #require(document["recommendations"] as? [[String: Any]])
        #expect(recommendations.first?["text"] as? String == "Trade more with Amur Oblast | now")
    }
}
