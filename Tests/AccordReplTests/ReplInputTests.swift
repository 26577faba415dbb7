import AccordRepl
import Foundation
import Testing

@Suite struct ReplSessionContinuationTests {
    let session = ReplSession(paths: [])

    @Test func openBracesBracketsAndParenthesesContinue() {
        #expect(!session.isComplete("rule r {"))
        #expect(!session.isComplete("assert Region {\n  name: \"Jilin\""))
        #expect(session.isComplete("assert Region {\n  name: \"Jilin\"\n}"))
        #expect(!session.isComplete("assert Region { name: \"Jilin\", borders: ["))
        #expect(session.isComplete("assert Region { name: \"Jilin\", borders: [\"Primorsky Krai\"] }"))
        #expect(!session.isComplete("rule r { when $r: Region(country == \"CN\""))
        #expect(!session.isComplete("whatif {"))
        #expect(session.isComplete("whatif { retract Park[\"x\"] }"))
    }

    @Test func stringsAndBracesInsideThem() {
        #expect(!session.isComplete("assert Hub { park: \"Tomsk"))
        #expect(session.isComplete("assert Hub { park: \"a } b ] c ) d\" }"))
        #expect(!session.isComplete("assert Hub { park: \"a { b\""))
        #expect(session.isComplete("assert Hub { park: \"escaped \\\" quote { and brace\\}\" }"))
        // An interpolation's braces are the string's own.
        #expect(session.isComplete("rule r { when $r: Region() then print \"{$r.name}\" }"))
        #expect(!session.isComplete("rule r { when $r: Region() then print \"{$r.name}\""))
    }

    @Test func commentsHideBrackets() {
        #expect(session.isComplete("assert Hub { park: \"x\" } // an open { in a comment"))
        #expect(!session.isComplete("assert Hub { // closed later }"))
        #expect(session.isComplete("/* { [ ( */ assert Hub { park: \"x\" }"))
        #expect(!session.isComplete("/* a comment that goes on"))
        #expect(session.isComplete("// just a comment"))
    }

    @Test func commandsAndBlankLinesAreComplete() {
        #expect(session.isComplete(":load Rules/{odd"))
        #expect(session.isComplete(""))
        #expect(session.isComplete("   "))
        #expect(session.isComplete("}"))
    }

    @Test func blankAndCommentEntriesDoNothing() {
        let session = ReplFixture.session()
        #expect(session.enter("") == ReplReply())
        #expect(session.enter("  // nothing here") == ReplReply())
    }
}

@Suite struct ReplSessionCompletionTests {
    let session = ReplFixture.session()

    func complete(_ line: String) -> ReplCompletion {
        session.completions(in: line, cursor: line.count)
    }

    @Test func commandsAfterAColon() {
        #expect(complete(":fa") == ReplCompletion(replaceFrom: 1, candidates: ["facts"]))
        #expect(complete(":re") == ReplCompletion(replaceFrom: 1, candidates: ["recs", "reset"]))
        #expect(complete(":").candidates.count == 21)
        #expect(complete("  :hi") == ReplCompletion(replaceFrom: 3, candidates: ["history"]))
    }

    @Test func ruleNamesAfterWhyAndWhyNot() {
        #expect(complete(":whynot port") == ReplCompletion(replaceFrom: 8, candidates: ["port_freight"]))
        #expect(complete(":whynot ").candidates == ["border_corridor", "corridor_agreement", "park_tech_transfer_hub", "port_freight"])
        #expect(complete(":why cor").candidates == ["corridor_agreement"])
        #expect(complete("test \"t\" { expect recommend park").candidates == ["park_tech_transfer_hub"])
    }

    @Test func scenarioNamesAfterScenarioAndGiven() {
        #expect(complete(":scenario hei") == ReplCompletion(replaceFrom: 10, candidates: ["heilongjiang_signs_ecommerce"]))
        #expect(complete("test \"t\" { given h").candidates == ["heilongjiang_signs_ecommerce"])
        #expect(complete("scenario s { extends ").candidates == ["heilongjiang_signs_ecommerce"])
    }

    @Test func templateNames() {
        #expect(complete("assert Re") == ReplCompletion(replaceFrom: 7, candidates: ["Region"]))
        #expect(complete("retract P").candidates == ["Park"])
        #expect(complete("facts { ").candidates.isEmpty == false)
        #expect(complete("rule r { when $p: Pa").candidates == ["Park"])
        #expect(complete("rule r { when not H").candidates == ["Hub"])
        #expect(complete(":facts Co").candidates == ["Corridor"])
    }

    @Test func fieldNamesInsideARecordOrAPattern() {
        #expect(complete("assert Park { na") == ReplCompletion(replaceFrom: 14, candidates: ["name"]))
        #expect(complete("assert Park { name: \"x\", ho").candidates == ["host"])
        #expect(complete("rule r { when $p: Park(cross_border, en").candidates == ["enterprises"])
        #expect(complete("modify Region[\"Jilin\"] { tr").candidates == ["trade_busd"])
        // A value is being typed after the colon: no field names.
        #expect(complete("assert Park { name: na").candidates.isEmpty)
    }

    @Test func factKeysInsideBrackets() {
        #expect(complete("modify Region[\"J") == ReplCompletion(replaceFrom: 15, candidates: ["Jilin"]))
        #expect(complete("retract Park[\"").candidates == ["Harbin New Area", "Silk Road Innovation Park", "Tomsk Wood Zone"])
        #expect(complete("retract Region[\"Primorsky K").candidates == ["Primorsky Krai"])
    }

    @Test func pathsAfterLoadAndSave() {
        let folder = ReplFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try? FileManager.default.createDirectory(atPath: folder + "/rules", withIntermediateDirectories: true)
        ReplFixture.write("", to: folder + "/ports.accord")
        ReplFixture.write("", to: folder + "/.hidden")
        let listed = complete(":load \(folder)/")
        #expect(listed.replaceFrom == 6)
        #expect(listed.candidates == ["\(folder)/ports.accord", "\(folder)/rules/"])
        #expect(complete(":save \(folder)/po").candidates == ["\(folder)/ports.accord"])
        // Relative to the current directory.
        let relative = complete(":load Package.sw")
        #expect(relative.candidates.contains("Package.swift") || FileManager.default.currentDirectoryPath != ReplFixture.root.path)
    }

    @Test func offsetsAreCharactersInACJKLine() {
        let session = ReplFixture.session()
        let asserted = session.enter(#"assert Region { name: "黑龙江省", country: "CN" }"#)
        #expect(asserted.diagnostics.isEmpty, "\(asserted)")
        // `modify Region["黑` is 16 characters (and 20 bytes): the key starts after the quote.
        let line = #"modify Region["黑"#
        #expect(session.completions(in: line, cursor: line.count) == ReplCompletion(replaceFrom: 15, candidates: ["黑龙江省"]))
        let fields = #"modify Region["黑龙江省"] { tr"#
        #expect(session.completions(in: fields, cursor: fields.count) == ReplCompletion(replaceFrom: 24, candidates: ["trade_busd"]))
        let record = #"assert Park { name: "松花江", ho"#
        #expect(session.completions(in: record, cursor: record.count) == ReplCompletion(replaceFrom: 27, candidates: ["host"]))
        // The cursor in the middle of the line: only what is before it counts.
        let middle = #"assert Re { name: "黑龙江" }"#
        #expect(session.completions(in: middle, cursor: 9).candidates == ["Region"])
    }

    @Test func theStartOfALineInsideABlock() {
        #expect(complete("facts {\n  Re").candidates == ["Region"])
        #expect(complete("facts {\n  Region { name: \"x\", country: \"CN\" }\n  P").candidates == ["Park"])
        #expect(complete("rule r {\n  when\n    Re").candidates == ["Recommendation", "Region"])
        #expect(complete("rule r {\n  when\n    $p: Park()\n    n").candidates == ["not"])
        #expect(complete("rule r {\n  when\n    $p: Park()\n  then\n    re").candidates == ["recommend", "retract"])
        #expect(complete("rule r {\n  sa").candidates == ["salience"])
        #expect(complete("scenario s {\n  mo").candidates == ["modify"])
        #expect(complete("whatif {\n  re").candidates == ["retract"])
        #expect(complete("test \"t\" {\n  ex").candidates == ["expect"])
        #expect(complete("test \"t\" {\n  expect r").candidates == ["recommend"])
    }

    @Test func theStartOfAnEntryOffersStatements() {
        #expect(complete("ru").candidates == ["rule"])
        #expect(complete("wh").candidates == ["whatif"])
        #expect(complete("mo").candidates == ["modify"])
    }
}
