@testable import AccordCheck
import AccordSyntax
import AccordTestSupport
import Testing

/// What the engine receives from a clean program.
@Suite struct ModelTests {
    /// Checked for each test rather than kept in a static: a static lives until exit,
    /// where LeakSanitizer, blind to Swift's enum payload pointers, reported its syntax
    /// trees as leaked (docs/sanitizers.md).
    let clean: CheckResult = {
        let loaded = CheckGoldenTests.load(Fixtures.path("check/clean.accord"))
        return Checker().check(loaded.program)
    }()

    var model: CheckedProgram { clean.model }

    func fact(_ template: String, _ name: String) -> FactInstance? {
        model.facts.first { $0.template == template && $0.fields["name"] == .string(name) }
    }

    @Test func templatesInOrderWithTheBuiltInFirst() throws {
        // clean.accord loads before the brief it imports: an importer comes first.
        #expect(model.templates.map(\.name) == ["Recommendation", "Route", "Port", "Region", "Park", "Hub", "Agreement"])
        let recommendation = try #require(model.template(named: "Recommendation"))
        #expect(recommendation.isBuiltIn)
        #expect(recommendation.fieldNames == ["rule", "subject", "text", "score", "category", "tags"])
        #expect(recommendation.field(named: "tags")?.type == .list(.string))
        let route = try #require(model.template(named: "Route"))
        #expect(route.key == ["from", "to"])
        #expect(route.field(named: "mode")?.defaultValue == .string("road"))
        #expect(model.template(named: "Region")?.field(named: "trade_with_russia_busd")?.defaultValue == .float(0))
        #expect(model.template(named: "Region")?.field(named: "name")?.isRequired == true)
    }

    @Test func declarationsInLoadOrder() {
        #expect(model.rules.first?.name.name == "heilongjiang_amur_agreement")
        #expect(model.rules.last?.name.name == "park_tech_transfer_hub")
        #expect(model.rules.count == 8)
        #expect(model.scenarios.map(\.name.name) == ["amur_bridge", "heilongjiang_signs_ecommerce", "bigger_push"])
        #expect(model.scenario(named: "bigger_push")?.parent?.name == "heilongjiang_signs_ecommerce")
        #expect(model.tests.count == 4)
    }

    @Test func factsHaveEveryFieldAndTheirCitation() throws {
        #expect(model.facts.count == 11)
        let jilin = try #require(fact("Region", "Jilin"))
        #expect(jilin.cite == "China Daily, 2025-05-10")
        #expect(jilin.fields["ports"] == .list([]))
        #expect(jilin.fields["trade_with_russia_busd"] == .float(0))
        #expect(jilin.fields.count == 6)
        #expect(jilin.span.file.path.hasSuffix("language/brief.accord"))
        let port = try #require(model.facts.first { $0.template == "Port" && $0.fields["code"] == .int(-4) })
        #expect(port.fields["tonnage"] == .float(0))
        #expect(model.facts.first { $0.template == "Port" }?.fields["tonnage"] == .float(3))
    }

    @Test func csvRowsBecomeFacts() throws {
        let heilongjiang = try #require(fact("Region", "Heilongjiang"))
        #expect(heilongjiang.fields["borders"] == .list([.string("Amur Oblast"), .string("Jewish Autonomous Oblast"), .string("Primorsky Krai")]))
        #expect(heilongjiang.fields["ports"] == .list([]))
        #expect(heilongjiang.fields["trade_with_russia_busd"] == .float(23.2))
        #expect(heilongjiang.cite == "Heilongjiang Bureau of Statistics, 2024")

        let mongolia = try #require(fact("Region", "Inner Mongolia"))
        #expect(mongolia.fields["strengths"] == .list([.string("energy"), .string("logistics, rail")]))
        #expect(mongolia.cite == "provincial statistics")

        let amur = try #require(fact("Region", "Amur Oblast"))
        #expect(amur.cite == "Amur regional government,\n2024 report")
        #expect(amur.fields["trade_with_russia_busd"] == .float(0))
    }

    @Test func csvFactsPointAtTheirRow() throws {
        let primorsky = try #require(fact("Region", "Primorsky Krai"))
        #expect(primorsky.span.file.path.hasSuffix("check/data/provinces.csv"))
        #expect(primorsky.span.startLocation.line == 6)
        #expect(primorsky.span.startLocation.column == 1)
        #expect(primorsky.span.text.hasPrefix("Primorsky Krai,RU,"))
        let amur = try #require(fact("Region", "Amur Oblast"))
        #expect(amur.span.startLocation.line == 4)
        #expect(amur.span.endLocation.line == 5)
    }

    @Test func keysOfFacts() throws {
        let route = try #require(model.facts.first { $0.template == "Route" })
        let template = try #require(model.template(named: "Route"))
        #expect(route.key(in: template) == [.string("Heihe"), .string("Blagoveshchensk")])
        let hub = try #require(model.template(named: "Hub"))
        #expect(FactInstance(template: "Hub", fields: [:], cite: nil, span: route.span).key(in: hub) == nil)
    }

    @Test func aFileWithErrorsLoadsNothing() {
        let loaded = SourceLoader().load(paths: [Fixtures.path("check/csv.accord")])
        let facts = Checker().check(loaded.program).model.facts
        #expect(facts.map { $0.fields["name"] } == [.string("Jilin"), .string("Khabarovsk Krai"), .string("Jewish Autonomous Oblast")])
        #expect(facts.last?.cite == "census")
        #expect(facts.last?.span.startLocation.line == 3)
    }

    @Test func theCheckIsDeterministic() {
        let paths = [Fixtures.path("check/rules.accord")]
        let first = Checker().check(SourceLoader().load(paths: paths).program)
        let second = Checker().check(SourceLoader().load(paths: paths).program)
        #expect(DiagnosticLines.render(first.diagnostics) == DiagnosticLines.render(second.diagnostics))
        #expect(first.diagnostics.map { $0.notes.map(\.message) } == second.diagnostics.map { $0.notes.map(\.message) })
    }

    /// Declarations may come in any order: using before declaring changes nothing.
    @Test func declarationOrderDoesNotMatter() {
        let template = "template T {\n  key name\n  name: string\n}\n"
        let facts = "facts {\n  T { name: \"a\" }\n}\n"
        let rule = "rule r {\n  when\n    $t: T(name == \"a\")\n  then\n    print $t.name\n}\n"
        let scenario = "scenario s {\n  extends p\n  retract T[\"b\"]\n}\nscenario p {\n  assert T { name: \"b\" }\n}\n"
        for text in [template + facts + rule + scenario, scenario + rule + facts + template] {
            let result = checkSnippet(text)
            #expect(result.diagnostics.isEmpty, "\(located(result))")
            #expect(result.model.facts.count == 1)
        }
    }

    @Test func constantsForTheEngine() {
        let (expression, _) = Parser.parseExpression(SourceFile(path: "x", text: "[1, -2]"))
        #expect(expression.flatMap { ConstantEvaluator.evaluate($0) } == .list([.int(1), .int(-2)]))
        #expect(expression.flatMap { ConstantEvaluator.evaluate($0, as: .list(.float)) } == .list([.float(1), .float(-2)]))
        #expect(expression.flatMap { ConstantEvaluator.evaluate($0, as: .string) } == nil)
    }
}

/// The check's stages run in this order: every name is known before any body is read.
@Suite struct StageOrderTests {
    @Test func stagesAreListedInOrder() {
        #expect(Checker.stages.map(\.name) == ["declarations", "templates", "facts", "rule sizes", "rules", "scenarios", "tests", "negation cycles"])
        #expect(Checker.lintStages.map(\.name) == [
            "rules that never fire", "contradictory constraints", "unused templates", "uncited recommendations",
            "scenarios without effect",
        ])
    }
}
