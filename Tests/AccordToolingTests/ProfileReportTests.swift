import AccordCheck
import AccordEngine
import AccordTestSupport
import AccordTooling
import Foundation
import Testing

/// `ProfileText` and `ProfileJSON` on a real profile of the `accord run` fixture, its
/// times replaced by fixed ones (the counts are the run's own), pinned by the golden
/// `Tests/Fixtures/run/profile.txt` (`ACCORD_UPDATE_GOLDEN=1` rewrites it).
@Suite struct ProfileReportTests {
    /// The fixture's profile with rule `i` taking `i + 1` ms (half of it matching) and
    /// 0.25 ms outside the rules.
    static func profile() throws -> RunProfile {
        let analysis = Frontend.analyze(paths: [Fixtures.path("run/rules")])
        let engine = try Engine(program: try #require(analysis.model), profile: true)
        try engine.run()
        let measured = try #require(engine.profile())
        let rules = measured.rules.map { rule in
            RunProfile.Rule(name: rule.name, order: rule.order, activations: rule.activations, firings: rule.firings,
                            time: .microseconds(1000 * (rule.order + 1)), matchingTime: .microseconds(500 * (rule.order + 1)))
        }
        let nodes = measured.nodes.map { node in
            RunProfile.Node(kind: node.kind, template: node.template, condition: node.condition,
                            file: (node.file as NSString).lastPathComponent, line: node.line, column: node.column,
                            rules: node.rules, leftTokens: node.leftTokens, rightFacts: node.rightFacts, joinTests: node.joinTests)
        }
        return RunProfile(rules: rules, nodes: nodes, matchingOutsideRules: .microseconds(250))
    }

    @Test func textMatchesTheGolden() throws {
        let text = ProfileText().render(try Self.profile())
        let mismatch = Golden.check(text, against: Fixtures.path("run/profile.txt"))
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func rulesSlowestFirstTiesInLoadOrder() {
        let rules = [("a", 0, 5), ("b", 1, 9), ("c", 2, 5)].map {
            RunProfile.Rule(name: $0.0, order: $0.1, activations: 0, firings: 0, time: .microseconds($0.2), matchingTime: .zero)
        }
        #expect(RunProfile(rules: rules, nodes: [], matchingOutsideRules: .zero).rules.map(\.name) == ["b", "a", "c"])
    }

    @Test func millisecondsToTheMicrosecond() {
        #expect(ProfileText.milliseconds(.zero) == "0.000")
        #expect(ProfileText.milliseconds(.microseconds(7)) == "0.007")
        #expect(ProfileText.milliseconds(.nanoseconds(1_234_567_890)) == "1234.568")
        #expect(ProfileText.milliseconds(.seconds(2)) == "2000.000")
    }

    @Test func jsonKeysInOrder() throws {
        let json = ProfileJSON.object(try Self.profile())
        guard case .object(let members) = json else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.name) == ["rules", "matching_outside_rules_ms", "nodes"])
        guard case .array(let rules) = members[0].value, case .object(let rule)? = rules.first,
              case .array(let nodes) = members[2].value, case .object(let node)? = nodes.first else {
            Issue.record("no rules or nodes")
            return
        }
        #expect(rule.map(\.name) == ["rule", "activations", "firings", "time_ms", "matching_ms"])
        #expect(rule.first?.value == .string("port_freight"))
        #expect(rule[3].value == .double(4.0))
        #expect(node.map(\.name) == [
            "kind", "template", "condition", "file", "line", "col", "rules", "left_tokens", "right_facts", "join_tests",
        ])
    }
}
