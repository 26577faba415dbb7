import Accord
import Testing

/// The embedding API as the README shows it.
@Suite struct EmbeddingTests {
    @Test func loadRunChangeRunAgain() throws {
        let engine = try Accord.load(text: """
        template Region { key name; name: string, trade: float = 0 }
        facts { Region { name: "Jilin", trade: 4 } }
        rule grow { when $r: Region(trade > 10) then recommend "Grow {$r.name}" { subject: $r.name } }
        """)
        try engine.run()
        #expect(engine.recommendations().isEmpty)
        let jilin = try #require(engine.fact("Region", key: [.string("Jilin")]))
        try engine.modify(jilin, ["trade": .float(12.5)])
        try engine.run()
        #expect(engine.recommendations().map(\.text) == ["Grow Jilin"])
    }

    @Test func invalidTextReportsDiagnostics() {
        #expect(throws: Accord.LoadError.self) {
            try Accord.load(text: "rule r { when $p: Prak() then halt }")
        }
    }
}
