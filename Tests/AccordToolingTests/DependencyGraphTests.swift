import AccordCheck
import AccordSyntax
import AccordTestSupport
import AccordTooling
import Testing

/// `DependencyGraph` on `Tests/Fixtures/graph/rules.accord`, where every kind of node
/// and edge appears once: the DOT golden beside it (`rules.dot`,
/// `ACCORD_UPDATE_GOLDEN=1` rewrites it), and the graph's content checked directly.
@Suite struct DependencyGraphTests {
    static func program() throws -> CheckedProgram {
        let analysis = Frontend.analyze(paths: [Fixtures.path("graph/rules.accord")])
        // Lint warnings (the unused template) are expected; errors are not.
        #expect(!analysis.hasErrors, "\(analysis.diagnostics.map(\.message))")
        return try #require(analysis.model)
    }

    static func program(_ text: String) throws -> CheckedProgram {
        let analysis = Frontend.analyze(text: text, path: "graph.accord")
        #expect(!analysis.hasErrors, "\(analysis.diagnostics.map(\.message))")
        return try #require(analysis.model)
    }

    @Test func dotMatchesTheGolden() throws {
        let dot = DependencyGraph(program: try Self.program()).dot()
        let mismatch = Golden.check(dot, against: Fixtures.path("graph/rules.dot"))
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func everyRuleAndTemplateAppears() throws {
        let program = try Self.program()
        let graph = DependencyGraph(program: program)
        let dot = graph.dot()
        for rule in program.rules {
            #expect(graph.nodes.contains(.init(kind: .rule, name: rule.name.name)))
            #expect(dot.contains("\"rule:\(rule.name.name)\" [label=\"\(rule.name.name)\", shape=box]"))
        }
        for template in program.templates {
            #expect(graph.nodes.contains { $0.kind == .template && $0.name == template.name }, "\(template.name)")
            #expect(dot.contains("\"template:\(template.name)\" [label=\"\(template.name)\", shape=ellipse"))
        }
    }

    @Test func edgesSayHowEachRuleDependsOnEachTemplate() throws {
        let graph = DependencyGraph(program: try Self.program())
        func has(_ from: String, _ to: String, _ kind: DependencyGraph.EdgeKind) -> Bool {
            graph.edges.contains { $0.from.id == from && $0.to.id == to && $0.kind == kind }
        }
        #expect(has("template:Region", "rule:border_corridor", .reads))
        #expect(has("template:Park", "rule:border_corridor", .readsExists))
        #expect(has("rule:border_corridor", "template:Corridor", .derives))
        #expect(has("template:Agreement", "rule:corridor_agreement", .readsNegated))
        #expect(has("rule:corridor_agreement", "category:trade \"cross-border\"", .categorises))
        #expect(has("template:Park", "rule:park_review", .readsAggregated))
        #expect(has("rule:park_review", "template:Review", .asserts))
        #expect(has("rule:park_review", "category:(computed)", .categorises))
        #expect(has("template:Recommendation", "rule:follow_up", .reads))
        #expect(has("rule:follow_up", "template:Park", .modifies))
        #expect(has("rule:follow_up", "template:Review", .retracts))
        #expect(has("template:Park", "rule:follow_up", .readsAggregated))
        #expect(has("rule:follow_up", "category:(no category)", .categorises))
        #expect(has("rule:park_review", "template:Recommendation", .recommends))
        #expect(graph.edges == graph.edges.sorted())
        #expect(Set(graph.edges).count == graph.edges.count)
    }

    /// The built-in `Recommendation` appears only when a rule reads it, and then every
    /// recommending rule points at it.
    @Test func recommendationTemplateOnlyWhenRead() throws {
        let graph = DependencyGraph(program: try Self.program("""
        template T { a: int }
        rule r {
          when
            $t: T(a > 1)
          then
            recommend "x" { category: "c" }
        }
        """))
        #expect(!graph.nodes.contains { $0.name == "Recommendation" })
        #expect(graph.edges.map(\.kind) == [.reads, .categorises])
    }

    @Test func labelsAreEscaped() {
        let graph = DependencyGraph(nodes: [.init(kind: .category, name: "a \"b\" \\ c\nd")], edges: [])
        #expect(graph.dot().contains(#""category:a \"b\" \\ c\nd" [label="a \"b\" \\ c\nd", shape=note];"#))
    }
}
