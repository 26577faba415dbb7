import AccordRepl
import AccordTestSupport
import Foundation
import Testing

@Suite struct ReplSessionStartupTests {
    @Test func loadsAndReportsWhatItLoaded() {
        let session = ReplFixture.session()
        #expect(session.startupReply.output.contains("4 rules"))
        #expect(session.startupReply.output.contains("5 recommendations"))
        #expect(session.startupReply.diagnostics.isEmpty)
        #expect(session.prompt == "accord> ")
        #expect(session.continuationPrompt.count == session.prompt.count)
        #expect(session.continuationPrompt.hasSuffix("...> "))
    }

    @Test func anEmptySessionIsUsable() {
        let session = ReplSession(paths: [])
        #expect(session.startupReply.output.contains(":help"))
        #expect(session.enter(":facts").output == "No facts.\n")
        let defined = session.enter("template Point { key name\n name: string\n x: int = 0 }")
        #expect(defined.diagnostics.isEmpty, "\(defined.diagnostics)")
        #expect(defined.output.contains("defined template Point"))
        session.enter(#"assert Point { name: "a", x: 3 }"#)
        #expect(session.enter(":facts Point").output.contains(#"Point["a"] { name: "a", x: 3 }"#))
    }

    @Test func aBrokenLoadLeavesAnEmptyButUsableSession() {
        let folder = ReplFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        ReplFixture.write("template T { key name\n name: strin }\n", to: folder + "/broken.accord")
        let session = ReplSession(paths: [folder])
        #expect(session.startupReply.output.contains("Nothing loaded"))
        #expect(session.startupReply.diagnostics.contains("broken.accord:2:"))
        #expect(session.startupReply.diagnostics.contains("^"))
        #expect(session.enter(":rules").output == "No rules.\n")
        #expect(session.enter("template T { key name\n name: string }").diagnostics.isEmpty)
    }

    @Test func promptsWithColorAreStillPlainText() {
        let session = ReplSession(paths: [ReplFixture.rules], useColor: true)
        #expect(session.prompt == "accord> ")
        #expect(session.enter(":recs").output.contains("\u{1B}["))
        #expect(!ReplFixture.session().enter(":recs").output.contains("\u{1B}["))
    }
}

@Suite struct ReplSessionDefinitionTests {
    @Test func aTypedRuleIsAddedAndRuns() {
        let session = ReplFixture.session()
        let reply = session.enter("""
            rule greet_russia {
              when
                $r: Region(country == "RU")
              then
                recommend "Greet {$r.name}" { subject: $r.name, score: 0.1 }
            }
            """)
        #expect(reply.diagnostics.isEmpty, "\(reply.diagnostics)")
        #expect(reply.output.contains("defined rule greet_russia"))
        #expect(reply.output.contains("+2 -0 ~0"))
        #expect(session.enter(":recs").output.contains("Greet Amur Oblast"))
        #expect(session.enter(":rules").output.contains("greet_russia"))
    }

    @Test func templatesFactsAndRulesTogether() {
        let session = ReplFixture.session()
        let reply = session.enter("""
            template Fair { key name
              name: string
              host: string }
            facts {
              Fair { name: "Harbin Fair", host: "Heilongjiang" } cite "a cite"
            }
            rule visit_fair {
              when $f: Fair()
              then recommend "Visit {$f.name}" { subject: $f.host, score: 0.3 }
            }
            """)
        #expect(reply.diagnostics.isEmpty, "\(reply.diagnostics)")
        #expect(reply.output.contains("defined template Fair, 1 fact, rule visit_fair"))
        #expect(session.enter(":facts Fair").output.contains("cite: a cite"))
        #expect(session.enter(":recs").output.contains("Visit Harbin Fair"))
    }

    @Test func aSyntaxErrorChangesNothing() {
        let session = ReplFixture.session()
        let before = session.snapshot
        let reply = session.enter("rule broken {\n  when\n    $r: Region(\n  then print \"x\"\n}")
        #expect(reply.output.isEmpty)
        #expect(reply.diagnostics.contains("<repl "))
        #expect(reply.diagnostics.contains("error:"))
        #expect(reply.diagnostics.contains("nothing changed"))
        #expect(session.snapshot == before)
    }

    @Test func aCheckErrorChangesNothingAndShowsTheCaret() {
        let session = ReplFixture.session()
        let before = session.snapshot
        let reply = session.enter("rule y { when $r: Regio() then print \"x\" }")
        #expect(reply.diagnostics.contains(":1:19: error: unknown template `Regio`"))
        #expect(reply.diagnostics.contains("                  ^~~~~"))
        #expect(reply.diagnostics.contains("did you mean `Region`?"))
        #expect(session.snapshot == before)
        #expect(session.enter(":undo").output == "Nothing to undo.\n")
    }

    @Test func aDuplicateNameIsAnErrorNotAReplacement() {
        let session = ReplFixture.session()
        let before = session.snapshot
        let reply = session.enter("rule port_freight { when $r: Region() then print \"x\" }")
        #expect(reply.diagnostics.contains("port_freight"))
        #expect(session.snapshot == before)
    }

    @Test func aDefinitionRebuildKeepsTheSessionsChanges() {
        let session = ReplFixture.session()
        session.enter(#"modify Region["Jilin"] { trade_busd: 40 }"#)
        session.enter(#"assert Hub { park: "Silk Road Innovation Park" }"#)
        let changed = session.snapshot
        let reply = session.enter("rule echo_regions { when $r: Region(country == \"CN\") then print \"CN {$r.name}\" }")
        #expect(reply.diagnostics.isEmpty, "\(reply.diagnostics)")
        #expect(reply.output.contains("CN Jilin"))
        #expect(session.snapshot.facts == changed.facts)
        #expect(session.snapshot.rankedBody == changed.rankedBody)
    }

    @Test func aDefinitionThatBreaksAnAcceptedChangeIsRefused() {
        let session = ReplSession(paths: [])
        session.enter("template P { key name\n name: string\n n: int = 0 }")
        session.enter(#"assert P { name: "a" }"#)
        let before = session.snapshot
        // A second template cannot break the change; a fact block with the same key does.
        let reply = session.enter(#"facts { P { name: "a" } }"#)
        #expect(reply.diagnostics.contains("error:"), "\(reply)")
        #expect(session.snapshot == before)
    }

    @Test func aTypedImportLoadsAFileOnce() {
        let folder = ReplFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        ReplFixture.write("rule greet { when $r: Region(country == \"RU\") then recommend \"Hi {$r.name}\" { subject: $r.name, score: 0.2 } }\n",
                          to: folder + "/greet.accord")
        let session = ReplFixture.session()
        let first = session.enter("import \"\(folder)/greet.accord\"")
        #expect(first.diagnostics.isEmpty, "\(first)")
        #expect(first.output.contains("+2 -0 ~0"))
        // The rules' own files are loaded already: importing one adds nothing, and is no error.
        let again = session.enter("import \"\(ReplFixture.rules)/rules.accord\"")
        #expect(again.diagnostics.isEmpty, "\(again)")
        #expect(again.output.contains("none changed"))
    }

    @Test func aPlainExpressionIsNotAStatement() {
        let session = ReplFixture.session()
        let before = session.snapshot
        let reply = session.enter("1 + 2")
        #expect(reply.diagnostics.contains("not a statement"))
        #expect(session.enter("asert Hub { park: \"x\" }").diagnostics.contains("did you mean `assert`?"))
        #expect(session.snapshot == before)
    }
}

@Suite struct ReplSessionChangeTests {
    @Test func aModifyRescoresAndSaysSo() {
        let session = ReplFixture.session()
        let reply = session.enter(#"modify Region["Jilin"] { trade_busd: 40 }"#)
        #expect(reply.diagnostics.isEmpty)
        #expect(reply.output.contains(#"modified Region["Jilin"]"#))
        #expect(reply.output.contains("~ 0.56 → 0.90  Jilin"))
        #expect(session.enter(":facts Region").output.contains("trade_busd: 40.0"))
    }

    @Test func severalChangesInOneEntry() {
        let session = ReplFixture.session()
        let reply = session.enter("""
            assert Hub { park: "Tomsk Wood Zone" }
            retract Park["Silk Road Innovation Park"]
            """)
        #expect(reply.diagnostics.isEmpty, "\(reply.diagnostics)")
        #expect(reply.output.contains("asserted Hub; retracted Park[\"Silk Road Innovation Park\"]"))
        #expect(reply.output.contains("3 recommendations: +0 -2 ~0"))
    }

    @Test func aChangeToAFactAssertedEarlierChecks() {
        let session = ReplFixture.session()
        session.enter(#"assert Region { name: "Khabarovsk Krai", country: "RU", borders: ["Heilongjiang"] }"#)
        let reply = session.enter(#"modify Region["Khabarovsk Krai"] { ports: ["Vanino"] }"#)
        #expect(reply.diagnostics.isEmpty, "\(reply.diagnostics)")
        #expect(session.enter(":recs").output.contains("ports of Khabarovsk Krai"))
    }

    @Test func anUnknownKeyChangesNothing() {
        let session = ReplFixture.session()
        let before = session.snapshot
        let reply = session.enter(#"modify Region["Jiln"] { trade_busd: 40 }"#)
        #expect(reply.diagnostics.contains(#"<repl 3>:1:15: error: no `Region` fact with key "Jiln""#), "\(reply.diagnostics)")
        #expect(reply.diagnostics.contains(#"did you mean "Jilin"?"#))
        #expect(session.snapshot == before)
    }

    @Test func aChangeEntryHoldsOnlyChanges() {
        let session = ReplFixture.session()
        let before = session.snapshot
        let sneaky = session.enter(#"retract Park["Harbin New Area"] } rule r { when $r: Region() then print "{$r.name}" } scenario z {"#)
        #expect(sneaky.diagnostics.contains("<repl 3>:1:35: error: `rule` cannot follow a change"), "\(sneaky)")
        #expect(session.snapshot == before)
        let mixed = session.enter("assert Hub { park: \"x\" }\nrule r { when $r: Region() then print \"{$r.name}\" }")
        #expect(mixed.diagnostics.contains("<repl 6>:2:1: error: `rule` cannot follow a change: type definitions in an entry of their own"), "\(mixed)")
        #expect(session.snapshot == before)
    }

    @Test func aWrongFieldTypeChangesNothing() {
        let session = ReplFixture.session()
        let before = session.snapshot
        let reply = session.enter(#"modify Region["Jilin"] { trade_busd: "lots" }"#)
        #expect(reply.diagnostics.contains("error:"))
        #expect(session.snapshot == before)
    }

    @Test func aDuplicateKeyChangesNothing() {
        let session = ReplFixture.session()
        let before = session.snapshot
        let reply = session.enter(#"assert Region { name: "Jilin", country: "CN" }"#)
        #expect(reply.diagnostics.contains("error:"))
        #expect(session.snapshot == before)
    }

    @Test func aRunTimeErrorRollsBack() {
        let session = ReplSession(paths: [])
        session.enter("""
            template Ratio { key name
              name: string
              top: int = 1
              bottom: int = 1 }
            rule divide { when $r: Ratio() then print "{$r.top / $r.bottom}" }
            """)
        session.enter(#"assert Ratio { name: "a" }"#)
        let before = session.snapshot
        let reply = session.enter(#"modify Ratio["a"] { bottom: 0 }"#)
        #expect(reply.diagnostics.contains("error:"), "\(reply)")
        #expect(reply.diagnostics.contains("nothing changed"))
        #expect(session.snapshot == before)
    }
}

@Suite struct ReplSessionCancellationTests {
    static let counter = CounterRuleBase.text

    /// An `isCancelled` that says yes after `polls` questions: Ctrl-C in the middle of a run.
    static func cancelled(after polls: Int) -> () -> Bool {
        final class Count: @unchecked Sendable { var value = 0 }
        let count = Count()
        return {
            count.value += 1
            return count.value > polls
        }
    }

    @Test func ctrlCDuringAChangeLeavesTheSessionAsBefore() {
        let folder = ReplFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        ReplFixture.write(ReplSessionCancellationTests.counter, to: folder + "/counter.accord")
        let session = ReplSession(paths: [folder])
        let before = session.snapshot
        let reply = session.handle(#"modify Counter["c"] { limit: 10000000 }"#, isCancelled: ReplSessionCancellationTests.cancelled(after: 5000))
        #expect(reply.diagnostics.contains("interrupted"), "\(reply)")
        #expect(session.snapshot == before)
        #expect(session.enter(":undo").output == "Nothing to undo.\n")
        // The session still works after the interruption.
        let small = session.enter(#"modify Counter["c"] { limit: 3 }"#)
        #expect(small.diagnostics.isEmpty)
        #expect(session.enter(":facts Counter").output.contains("value: 3"))
    }

    @Test func ctrlCDuringADefinitionLeavesTheSessionAsBefore() {
        let folder = ReplFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        ReplFixture.write(ReplSessionCancellationTests.counter, to: folder + "/counter.accord")
        let session = ReplSession(paths: [folder])
        let before = session.snapshot
        let reply = session.handle(#"facts { Counter { name: "d", limit: 10000000 } }"#,
                                   isCancelled: ReplSessionCancellationTests.cancelled(after: 5000))
        #expect(reply.diagnostics.contains("interrupted"), "\(reply)")
        #expect(session.snapshot == before)
    }

    @Test func ctrlCDuringWhatIfAndScenarioLeavesTheSessionAsBefore() {
        let folder = ReplFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        ReplFixture.write(ReplSessionCancellationTests.counter + "\nscenario far { modify Counter[\"c\"] { limit: 10000000 } }\n",
                          to: folder + "/counter.accord")
        let session = ReplSession(paths: [folder])
        let before = session.snapshot
        let whatIf = session.handle(#"whatif { modify Counter["c"] { limit: 10000000 } }"#,
                                    isCancelled: ReplSessionCancellationTests.cancelled(after: 5000))
        #expect(whatIf.diagnostics.contains("interrupted"))
        #expect(session.snapshot == before)
        let scenario = session.handle(":scenario far", isCancelled: ReplSessionCancellationTests.cancelled(after: 5000))
        #expect(scenario.diagnostics.contains("interrupted"))
        #expect(session.snapshot == before)
        #expect(session.prompt == "accord> ")
    }
}
