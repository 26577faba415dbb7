import AccordCheck
import AccordSyntax
import Testing

@Suite struct ScenarioCheckTests {
    let facts = """
        facts {
          Region { name: "Jilin", country: "CN" }
          Route { from: "Heihe", to: "Blagoveshchensk" }
        }

        """

    func scenarios(_ text: String) -> CheckResult {
        checkSnippet(regionTemplates + facts + text)
    }

    @Test func anUnknownFactSuggestsAnExistingKey() throws {
        let result = scenarios("scenario s {\n  retract Region[\"Jiln\"]\n}\n")
        let error = try #require(result.diagnostics.first)
        #expect(error.code == "check.unknown-fact")
        #expect(error.message == #"no `Region` fact with key "Jiln""#)
        #expect(error.notes.map(\.message) == [#"did you mean "Jilin"?"#])
        #expect(error.span.text == #""Jiln""#)
    }

    @Test func keysOfTwoFields() {
        let result = scenarios("""
            scenario s {
              modify Route["Heihe", "Blagoveshchensk"] { to: "Amur" }
              retract Route["Heihe", "Amur"]
              retract Route["Heihe"]
            }
            """)
        #expect(result.diagnostics.map(\.code) == ["check.key-arity"])
        #expect(result.diagnostics.first?.span.text == #""Heihe""#)
    }

    @Test func eachCycleIsReportedOnce() throws {
        let result = scenarios("""
            scenario a {
              extends b
            }
            scenario b {
              extends a
            }
            scenario c {
              extends a
            }
            """)
        let error = try #require(result.diagnostics.first)
        #expect(result.diagnostics.map(\.code) == ["check.extends-cycle"])
        #expect(error.message == "cycle in `extends`: `a` → `b` → `a`")
        #expect(error.span.text == "a")
        #expect(error.span.startLocation.line == 35)
    }

    @Test func aChildSeesItsParentsChanges() {
        let result = scenarios("""
            scenario parent {
              assert Region { name: "Amur", country: "RU" }
              retract Region["Jilin"]
            }
            scenario child {
              extends parent
              modify Region["Amur"] { trade: 1 }
              assert Region { name: "Jilin", country: "CN" }
            }
            test "given both" {
              given child
              given {
                retract Region["Amur"]
                modify Region["Jilin"] { population: 3 }
              }
            }
            """)
        #expect(result.diagnostics.isEmpty, "\(located(result))")
    }

    @Test func aDuplicateKeyInAScenarioNamesTheFact() throws {
        let result = scenarios("scenario s {\n  assert Region { name: \"Jilin\", country: \"CN\" }\n}\n")
        let error = try #require(result.diagnostics.first)
        #expect(error.code == "check.duplicate-key")
        #expect(error.notes.first?.span?.text == #"name: "Jilin""#)
    }

    @Test func testsNameRulesAndScenarios() {
        let result = scenarios("""
            rule advise { then halt }
            test "t" {
              given nothing
              expect recommend advice for "Jilin" with score > 0.5
              expect no fact Hub(park == "x")
            }
            """)
        #expect(result.diagnostics.map(\.code) == ["check.unknown-scenario", "check.unknown-rule"])
        #expect(result.diagnostics.last?.notes.map(\.message) == ["did you mean `advise`?"])
    }
}

extension ScenarioCheckTests {
    @Test func aNoteSaysWhyAKeyIsGone() {
        let result = scenarios("""
            scenario s {
              retract Region["Jilin"]
              modify Route["Heihe", "Blagoveshchensk"] { to: "Amur" }
              modify Region["Jilin"] { trade: 1 }
              retract Route["Heihe", "Blagoveshchensk"]
            }
            """)
        #expect(result.diagnostics.map(\.code) == ["check.unknown-fact", "check.unknown-fact"])
        #expect(result.diagnostics.map { $0.notes.map(\.message) } == [["it was retracted here"], ["its key was changed here"]])
        #expect(result.diagnostics.map { $0.notes.first?.span?.startLocation.line } == [32, 33])
    }
}
