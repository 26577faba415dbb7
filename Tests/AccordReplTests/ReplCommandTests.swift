import AccordRepl
import Foundation
import Testing

@Suite struct ReplSessionCommandTests {
    @Test func helpListsEveryCommand() {
        let output = ReplFixture.session().enter(":help").output
        for command in [":help", ":quit", ":load PATH", ":run", ":recs", ":facts [TEMPLATE]", ":rules", ":agenda", ":why N", ":whynot RULE [SUBJECT]", ":test [FILTER]",
                        ":scenario [NAME]", ":branch NAME", ":diff", ":keep", ":discard", ":sweep REF FROM TO STEP", ":undo",
                        ":reset", ":save PATH", ":history", "whatif { CHANGES }", "whatif SCENARIO"] {
            #expect(output.contains("  " + command + " "), "missing \(command)")
        }
    }

    @Test func helpExplainsOneCommandWithAnExample() {
        let session = ReplFixture.session()
        let sweep = session.enter(":help sweep").output
        #expect(sweep.hasPrefix(":sweep REF FROM TO STEP\n"))
        #expect(sweep.contains("example: :sweep Region"))
        #expect(session.enter(":help :undo").output.contains("example: :undo"))
        #expect(session.enter(":help whatif").output.contains("example: whatif {"))
        #expect(session.enter(":help swep").diagnostics.contains("did you mean `:sweep`?"))
    }

    @Test func quitQuits() {
        let reply = ReplFixture.session().enter(":quit")
        #expect(reply.quit)
        #expect(!ReplFixture.session().enter(":recs").quit)
    }

    @Test func anUnknownCommandSuggestsOne() {
        let session = ReplFixture.session()
        let reply = session.enter(":scenaro")
        #expect(reply.diagnostics.contains("unknown command `:scenaro`"))
        #expect(reply.diagnostics.contains("did you mean `:scenario`?"))
        #expect(session.enter(":").diagnostics.contains("a command name must follow"))
    }

    @Test func runAndRecsShowTheRankedList() {
        let session = ReplFixture.session()
        let run = session.enter(":run").output
        #expect(run.hasPrefix("5 recommendations from 4 rules ("))
        #expect(run.contains("\n1  0.76  Jilin\n   Upgrade Silk Road Innovation Park into a technology-transfer hub\n"))
        #expect(run.contains("\n5  0.40  Jilin\n"))
        #expect(session.enter(":recs").output == run)
    }

    @Test func factsAllAndOfOneTemplate() {
        let session = ReplFixture.session()
        let all = session.enter(":facts").output
        #expect(all.contains("Region (4)\n"))
        #expect(all.contains("Corridor (2)\n"))
        #expect(all.contains("(derived)"))
        let parks = session.enter(":facts Park").output
        #expect(parks.hasPrefix("Park (3)\n"))
        #expect(parks.contains(#"  Park["Tomsk Wood Zone"] { name: "Tomsk Wood Zone", host: "Heilongjiang""#))
        #expect(parks.contains("    cite: China Daily, 2025-05-10: parks\n"))
        #expect(!parks.contains("Region"))
        #expect(session.enter(":facts Hub").output == "No `Hub` facts.\n")
        #expect(session.enter(":facts Prak").diagnostics.contains("did you mean `Park`?"))
    }

    @Test func rulesListsNamesCountsAndTitles() {
        let output = ReplFixture.session().enter(":rules").output
        #expect(output.hasPrefix("4 rules"))
        #expect(output.contains("  corridor_agreement      2    Sign e-commerce agreements along each border corridor\n"))
        #expect(output.contains("  border_corridor         -"))
    }

    @Test func agendaIsEmptyAfterAnEntry() {
        let session = ReplFixture.session()
        #expect(session.enter(":agenda").output.hasPrefix("The agenda is empty"))
    }

    @Test func agendaListsWhatAHaltLeftAndRunFiresIt() {
        let session = ReplSession(paths: [])
        let defined = session.enter("""
            template Step { key n
              n: int }
            facts {
              Step { n: 1 }
              Step { n: 2 }
            }
            rule stop { salience 10
              when Step(n == 1)
              then halt }
            rule log {
              when $s: Step()
              then print "step {$s.n}" }
            """)
        #expect(defined.diagnostics.isEmpty, "\(defined)")
        let agenda = session.enter(":agenda").output
        #expect(agenda.hasPrefix("2 activations waiting, in firing order\n"), "\(agenda)")
        #expect(agenda.contains("log (salience 0)"))
        #expect(agenda.contains("Step[2] { n: 2 }"))
        let run = session.enter(":run").output
        #expect(run.contains("step 1\n"))
        #expect(run.contains("step 2\n"))
        #expect(session.enter(":agenda").output.hasPrefix("The agenda is empty"))
    }

    @Test func whyExplainsARankOfTheLastListing() {
        let session = ReplFixture.session()
        session.enter(":recs")
        let why = session.enter(":why 2").output
        #expect(why.hasPrefix("2  0.73  Heilongjiang\n"))
        #expect(why.contains("because:"))
        #expect(why.contains("derived by rule border_corridor from:"))
        #expect(why.contains("cite: China Daily, 2025-05-10"))
        let missing = session.enter(":why 9")
        #expect(missing.diagnostics.contains("no recommendation ranked 9"))
        #expect(session.enter(":why two").diagnostics.contains("needs the rank"))
    }

    @Test func whySaysWhenTheListingIsOld() {
        let session = ReplFixture.session()
        session.enter(":recs")
        #expect(!session.enter(":why 1").output.contains("changed since"))
        session.enter(#"modify Region["Jilin"] { trade_busd: 40 }"#)
        let old = session.enter(":why 1").output
        #expect(old.hasPrefix("1  0.76  Jilin\n"))
        #expect(old.contains("the recommendations have changed since"))
    }

    @Test func testRunsThePolicyTestsOnTheSession() {
        let session = ReplFixture.session()
        let defined = session.enter("""
            test "Jilin is advised to upgrade its park" {
              expect recommend park_tech_transfer_hub for "Jilin"
            }
            test "signing retires the Heilongjiang agreement advice" {
              given heilongjiang_signs_ecommerce
              expect no recommend corridor_agreement for "Heilongjiang"
            }
            """)
        #expect(defined.diagnostics.isEmpty, "\(defined)")
        let before = session.snapshot
        let all = session.enter(":test").output
        #expect(all.contains("✓ Jilin is advised to upgrade its park"), "\(all)")
        #expect(all.hasSuffix("2 passed, 0 failed\n"))
        #expect(session.enter(":test signing").output.hasSuffix("1 passed, 0 failed\n"))
        #expect(session.enter(":test nothing-like-this").output.contains("no test name contains"))
        #expect(session.snapshot == before)
        // With the park gone from the session, the first test fails.
        session.enter(#"retract Park["Silk Road Innovation Park"]"#)
        let failing = session.enter(":test").output
        #expect(failing.contains("✗ Jilin is advised to upgrade its park"))
        #expect(failing.hasSuffix("1 passed, 1 failed\n"))
    }

    @Test func whyNotNamesTheFirstFailingCondition() {
        let session = ReplFixture.session()
        let output = session.enter(":whynot port_freight Heilongjiang").output
        #expect(output.hasPrefix("rule `port_freight` does not fire for \"Heilongjiang\""), "\(output)")
        #expect(output.contains("fails at condition 2"))
        #expect(output.contains("count(ports) > 0"))
        let quoted = session.enter(#":whynot port_freight "Heilongjiang""#).output
        #expect(quoted == output)
        #expect(session.enter(":whynot port_freight").output.contains("port_freight"))
        #expect(session.enter(":whynot port_fright").diagnostics.contains("did you mean `port_freight`?"))
        #expect(session.enter(":whynot").diagnostics.contains("needs a rule name"))
        // Suggested changes are verified on the live session and leave it as it was.
        session.enter(#"assert Agreement { parties: ["Heilongjiang", "Amur Oblast"], sectors: [] }"#)
        let before = session.snapshot
        let blocked = session.enter(":whynot corridor_agreement Heilongjiang").output
        #expect(blocked.contains("changes that make it fire, each verified:\n  retract Agreement"), "\(blocked)")
        #expect(session.snapshot == before)
    }

    @Test func whatIfShowsTheDiffAndKeepsNothing() {
        let session = ReplFixture.session()
        let before = session.snapshot
        let reply = session.enter(#"whatif { retract Park["Tomsk Wood Zone"] }"#)
        #expect(reply.output.contains("5 recommendations now, 4 with the changes: +0 -1 ~0"))
        #expect(reply.output.contains("- 0.72  Heilongjiang  Upgrade Tomsk Wood Zone into a technology-transfer hub"))
        #expect(session.snapshot == before)
        #expect(session.enter(":undo").output == "Nothing to undo.\n")
        let multiLine = session.enter("whatif {\n  modify Region[\"Jilin\"] { trade_busd: 40 }\n  assert Hub { park: \"Tomsk Wood Zone\" }\n}")
        #expect(multiLine.output.contains("+0 -1 ~1"), "\(multiLine)")
        #expect(session.snapshot == before)
        #expect(session.enter(#"whatif { modify Region["Jiln"] { trade_busd: 4 } }"#).diagnostics.contains("error:"))
        #expect(session.enter("whatif retract Park").diagnostics.contains("braces"))
        #expect(session.snapshot == before)
    }

    @Test func whatIfAScenarioOfTheFiles() {
        let session = ReplFixture.session()
        let before = session.snapshot
        let reply = session.enter("whatif heilongjiang_signs_ecommerce")
        #expect(reply.output.hasPrefix("whatif scenario heilongjiang_signs_ecommerce: Heilongjiang signs"), "\(reply)")
        #expect(reply.output.contains("5 recommendations now, 3 with the changes: +0 -2 ~1"))
        #expect(session.snapshot == before)
        #expect(session.enter("whatif heilongjiang").diagnostics.contains("did you mean `heilongjiang_signs_ecommerce`?"))
        #expect(session.completions(in: "whatif hei", cursor: 10).candidates == ["heilongjiang_signs_ecommerce"])
    }

    @Test func sweepReportsAndRestores() {
        let session = ReplFixture.session()
        let before = session.snapshot
        let output = session.enter(#":sweep Region["Jilin"].trade_busd 0 100 10"#).output
        #expect(output.hasPrefix(#"Sweep of Region["Jilin"].trade_busd over 11 values"#), "\(output)")
        #expect(output.contains("(the session is as it was)"))
        #expect(session.snapshot == before)
        let parks = session.enter(#":sweep Park["Tomsk Wood Zone"].enterprises 0 100 25"#).output
        #expect(parks.contains("value"))
        let unknownField = session.enter(#":sweep Region["Jilin"].trade 0 1 1"#).diagnostics
        #expect(unknownField.hasPrefix("error: "), "\(unknownField)")
        #expect(unknownField.contains("trade_busd"))
        #expect(session.enter(":sweep Region").diagnostics.contains("REF FROM TO STEP"))
        #expect(session.snapshot == before)
    }

    @Test func historyNumbersTheEntries() {
        let session = ReplFixture.session()
        session.enter(":recs")
        session.enter("rule r {\n  when $r: Region()\n  then print \"x\"\n}")
        let output = session.enter(":history").output
        #expect(output == "1  :recs\n2  rule r {\n     when $r: Region()\n     then print \"x\"\n   }\n3  :history\n")
    }

    @Test func loadAddsFilesAndAFailedLoadChangesNothing() {
        let folder = ReplFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = ReplFixture.session()
        let before = session.snapshot
        #expect(session.enter(":load \(folder)/missing.accord").diagnostics.contains("no such file or folder"))
        ReplFixture.write("rule bad {\n  when $r: Regoin()\n  then print \"x\"\n}\n", to: folder + "/bad.accord")
        let bad = session.enter(":load \(folder)/bad.accord")
        #expect(bad.diagnostics.contains("bad.accord:2:12: error: unknown template `Regoin`"), "\(bad)")
        #expect(bad.diagnostics.contains("nothing changed"))
        ReplFixture.write("rule broken {\n  when $r: Region(\n}\n", to: folder + "/broken.accord")
        #expect(session.enter(":load \(folder)/broken.accord").diagnostics.contains("error:"))
        #expect(session.snapshot == before)
        ReplFixture.write("rule greet { when $r: Region(country == \"RU\") then recommend \"Hi {$r.name}\" { subject: $r.name, score: 0.2 } }\n",
                          to: folder + "/good.accord")
        let good = session.enter(":load \(folder)/good.accord")
        #expect(good.output.contains("loaded 1 file"), "\(good)")
        #expect(good.output.contains("+2 -0 ~0"))
        #expect(session.enter(":load \(folder)/good.accord").output.hasPrefix("Already loaded"))
        #expect(session.enter(":load").diagnostics.contains("needs a path"))
    }
}

@Suite struct ReplSessionBranchTests {
    @Test func scenarioAloneListsThemAndTheActiveBranch() {
        let session = ReplFixture.session()
        let list = session.enter(":scenario").output
        #expect(list.contains("  heilongjiang_signs_ecommerce  Heilongjiang signs an e-commerce agreement with Amur Oblast\n"))
        #expect(list.contains("no branch is active"))
        #expect(!list.contains("__repl"))
        session.enter(":scenario heilongjiang_signs_ecommerce")
        let active = session.enter(":scenario").output
        #expect(active.contains("* heilongjiang_signs_ecommerce"))
        #expect(active.contains("active branch: heilongjiang_signs_ecommerce"))
    }

    @Test func enterDiffAndDiscard() {
        let session = ReplFixture.session()
        let before = session.snapshot
        let entered = session.enter(":scenario heilongjiang_signs_ecommerce")
        #expect(entered.output.hasPrefix("entered branch heilongjiang_signs_ecommerce: Heilongjiang signs"))
        #expect(session.prompt == "accord(heilongjiang_signs_ecommerce)> ")
        #expect(session.continuationPrompt.count == session.prompt.count)
        session.enter(#"modify Region["Jilin"] { trade_busd: 50 }"#)
        let diff = session.enter(":diff").output
        #expect(diff.contains("5 then, 3 now: +0 -2 ~1"))
        #expect(diff.contains("~ 0.56 → 1.00  Jilin"))
        #expect(session.enter(":scenario heilongjiang_signs_ecommerce").diagnostics.contains("already in branch"))
        let discarded = session.enter(":discard")
        #expect(discarded.output.hasPrefix("discarded branch heilongjiang_signs_ecommerce"))
        #expect(session.snapshot == before)
        #expect(session.enter(":diff").diagnostics.contains("not in a branch"))
        #expect(session.enter(":keep").diagnostics.contains("not in a branch"))
        #expect(session.enter(":discard").diagnostics.contains("not in a branch"))
    }

    @Test func anUnknownScenarioSuggestsOne() {
        let session = ReplFixture.session()
        let reply = session.enter(":scenario heilongjiang_signs")
        #expect(reply.diagnostics.contains("did you mean `heilongjiang_signs_ecommerce`?"))
        #expect(session.prompt == "accord> ")
    }

    @Test func keptChangesSurviveARebuild() {
        let session = ReplFixture.session()
        session.enter(":scenario heilongjiang_signs_ecommerce")
        session.enter(#"modify Region["Jilin"] { trade_busd: 50 }"#)
        let kept = session.enter(":keep")
        #expect(kept.output == "kept branch heilongjiang_signs_ecommerce: its changes are now part of the session\n")
        #expect(session.prompt == "accord> ")
        let branchState = session.snapshot
        let reply = session.enter("rule quiet { when $r: Region(country == \"XX\") then print \"never {$r.name}\" }")
        #expect(reply.diagnostics.isEmpty, "\(reply)")
        #expect(session.snapshot.facts == branchState.facts)
        #expect(session.snapshot.rankedBody == branchState.rankedBody)
        #expect(session.enter(":facts Hub").output.contains("Tomsk Wood Zone"))
        #expect(session.enter(":facts Region").output.contains("trade_busd: 50.0"))
    }

    @Test func aDefinitionInsideABranchKeepsTheBranch() {
        let session = ReplFixture.session()
        let before = session.snapshot
        session.enter(":scenario heilongjiang_signs_ecommerce")
        let reply = session.enter("rule quiet { when $r: Region(country == \"XX\") then print \"never {$r.name}\" }")
        #expect(reply.diagnostics.isEmpty)
        #expect(session.prompt == "accord(heilongjiang_signs_ecommerce)> ")
        #expect(session.enter(":diff").output.contains("5 then, 3 now"))
        session.enter(":discard")
        #expect(session.snapshot.facts == before.facts)
        #expect(session.snapshot.rankedBody == before.rankedBody)
    }

    @Test func anEmptyBranch() {
        let session = ReplFixture.session()
        let before = session.snapshot
        #expect(session.enter(":branch try_jilin").output.hasPrefix("entered branch try_jilin"))
        #expect(session.prompt == "accord(try_jilin)> ")
        session.enter(#"retract Park["Tomsk Wood Zone"]"#)
        #expect(session.enter(":diff").output.contains("+0 -1 ~0"))
        session.enter(":discard")
        #expect(session.snapshot == before)
        #expect(session.enter(":branch").diagnostics.contains("needs a name"))
        session.enter(":branch nothing")
        #expect(session.enter(":keep").output == "kept branch nothing: it made no changes\n")
        #expect(session.snapshot == before)
    }
}

@Suite struct ReplSessionUndoTests {
    @Test func multiLevelUndoBackToTheStart() {
        let session = ReplFixture.session()
        let start = session.snapshot
        session.enter(#"modify Region["Jilin"] { trade_busd: 40 }"#)
        session.enter("rule greet { when $r: Region(country == \"RU\") then recommend \"Hi {$r.name}\" { subject: $r.name, score: 0.2 } }")
        session.enter(":scenario heilongjiang_signs_ecommerce")
        session.enter(#"retract Park["Silk Road Innovation Park"]"#)
        session.enter(":keep")
        session.enter(#"assert Hub { park: "Harbin New Area" }"#)
        let steps = [#"undid asserted Hub"#, "undid :keep heilongjiang_signs_ecommerce",
                     #"undid retracted Park["Silk Road Innovation Park"]"#, "undid :scenario heilongjiang_signs_ecommerce",
                     "undid definition rule greet", #"undid modified Region["Jilin"]"#]
        for step in steps {
            let reply = session.enter(":undo")
            #expect(reply.output.hasPrefix(step), "expected \(step), got \(reply)")
        }
        #expect(session.enter(":undo").output == "Nothing to undo.\n")
        #expect(session.snapshot == start)
        #expect(session.prompt == "accord> ")
    }

    @Test func undoOfALoadAndOfADiscard() {
        let folder = ReplFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        ReplFixture.write("rule greet { when $r: Region(country == \"RU\") then recommend \"Hi {$r.name}\" { subject: $r.name, score: 0.2 } }\n",
                          to: folder + "/greet.accord")
        let session = ReplFixture.session()
        let start = session.snapshot
        session.enter(":load \(folder)/greet.accord")
        #expect(session.enter(":undo").output.hasPrefix("undid :load"))
        #expect(session.snapshot == start)
        session.enter(":scenario heilongjiang_signs_ecommerce")
        let inBranch = session.snapshot
        session.enter(":discard")
        #expect(session.enter(":undo").output.hasPrefix("undid :discard"))
        #expect(session.snapshot == inBranch)
        #expect(session.prompt == "accord(heilongjiang_signs_ecommerce)> ")
    }

    @Test func resetGoesBackToTheFilesAndCanBeUndone() {
        let session = ReplFixture.session()
        let start = session.snapshot
        session.enter(#"modify Region["Jilin"] { trade_busd: 40 }"#)
        session.enter(":branch b")
        let changed = session.snapshot
        #expect(session.enter(":reset").output.hasPrefix("reset to the files as loaded"))
        #expect(session.snapshot == start)
        #expect(session.enter(":undo").output.hasPrefix("undid :reset"))
        #expect(session.snapshot == changed)
    }

    @Test func aRedefinitionReplacesAndUndoBringsTheOldOneBack() {
        let session = ReplFixture.session()
        session.enter("rule greet { when $r: Region(country == \"RU\") then recommend \"Hi {$r.name}\" { subject: $r.name, score: 0.2 } }")
        let first = session.snapshot
        let again = session.enter("rule greet { when $r: Region(country == \"CN\") then recommend \"Hi {$r.name}\" { subject: $r.name, score: 0.2 } }")
        #expect(again.output.hasPrefix("redefined rule greet"), "\(again)")
        #expect(session.enter(":recs").output.contains("Hi Jilin"))
        #expect(!session.enter(":recs").output.contains("Hi Amur Oblast"))
        session.enter(":undo")
        #expect(session.snapshot == first)
    }
}

@Suite struct ReplSessionSaveTests {
    @Test func aSavedSessionLoadsToTheSameFactsAndRecommendations() throws {
        let folder = ReplFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = ReplFixture.session()
        session.enter(#"modify Region["Jilin"] { trade_busd: 40 }"#)
        session.enter(#"retract Park["Harbin New Area"]"#)
        session.enter("rule greet { when $r: Region(country == \"RU\") then recommend \"Hi {$r.name}\" { subject: $r.name, score: 0.2 } }")
        session.enter(":scenario heilongjiang_signs_ecommerce")
        session.enter(":keep")
        session.enter(#"assert Region { name: "Khabarovsk Krai", country: "RU", borders: ["Heilongjiang"] } cite "typed""#)
        let path = folder + "/saved.accord"
        let saved = session.enter(":save \(path)")
        #expect(saved.output.hasPrefix("saved \(path): "), "\(saved)")
        #expect(saved.diagnostics.isEmpty)
        let fresh = ReplSession(paths: [path])
        #expect(fresh.startupReply.diagnostics.isEmpty, "\(fresh.startupReply.diagnostics)")
        #expect(fresh.snapshot.factLines == session.snapshot.factLines)
        #expect(fresh.snapshot.rankedBody == session.snapshot.rankedBody)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(#"cite "typed""#))
        #expect(!text.contains("__repl"))
    }

    @Test func saveOfTheArticleRulesChecksClean() {
        let folder = ReplFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let session = ReplFixture.session([ReplFixture.articleRules])
        let path = folder + "/article.accord"
        let saved = session.enter(":save \(path)")
        #expect(saved.diagnostics.isEmpty, "\(saved.diagnostics)")
        let fresh = ReplSession(paths: [path])
        #expect(!fresh.startupReply.diagnostics.contains("error"), "\(fresh.startupReply.diagnostics)")
        #expect(fresh.snapshot.rankedBody == session.snapshot.rankedBody)
    }

    @Test func aSaveThatCannotBeWrittenSaysSo() {
        let session = ReplFixture.session()
        #expect(session.enter(":save /nonexistent-folder/x.accord").diagnostics.contains("cannot write"))
        #expect(session.enter(":save").diagnostics.contains("needs a path"))
    }
}
