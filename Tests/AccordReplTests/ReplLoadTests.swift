import AccordRepl
import AccordTestSupport
import Foundation
import Testing

/// A failed `:load` leaves the session as it was: facts, recommendations, rules, the
/// branch, and the undo stack (the next `:undo` undoes what came before the load). And
/// the load root in the REPL: a path the user types joins it, the paths inside the
/// files it brings are checked (docs/security.md).
@Suite struct ReplLoadTests {
    struct Failure: CustomTestStringConvertible, Sendable {
        let name: String
        /// Files to write, relative to a fresh temporary folder.
        let files: [String: String]
        /// What `:load` is given, relative to that folder.
        let load: String
        /// Part of the rendered diagnostic.
        let expected: String
        var testDescription: String { name }
    }

    static let failures: [Failure] = [
        Failure(name: "syntax error", files: ["broken.accord": "rule broken {\n  when $r: Region(\n}\n"],
                load: "broken.accord", expected: "broken.accord:3:1: error:"),
        Failure(name: "checker error", files: ["bad.accord": "rule bad {\n  when $r: Regoin()\n  then halt\n}\n"],
                load: "bad.accord", expected: "bad.accord:2:12: error: unknown template `Regoin`"),
        Failure(name: "path outside the load root",
                files: ["outside/more.accord": "rule more { when $r: Region() then halt }\n",
                        "pack/main.accord": "import \"../outside/more.accord\"\n"],
                load: "pack/main.accord", expected: "main.accord:1:8: error: `../outside/more.accord` is outside the load root"),
        Failure(name: "missing CSV file", files: ["data.accord": "facts Region from \"missing.csv\"\n"],
                load: "data.accord", expected: "data.accord:1:19: error:"),
    ]

    @Test(arguments: failures)
    func aFailedLoadLeavesTheSessionAsItWas(_ failure: Failure) throws {
        let tree = try TemporaryTree("repl")
        defer { tree.remove() }
        for (path, text) in failure.files {
            try tree.write(text, to: path)
        }
        let session = ReplFixture.session()
        let start = session.snapshot
        session.enter(#"modify Region["Jilin"] { trade_busd: 40 }"#)
        session.enter(":branch trial")
        let before = session.snapshot
        let rules = session.enter(":rules").output

        let reply = session.enter(":load \(tree.at(failure.load))")
        #expect(reply.diagnostics.contains(failure.expected), "\(reply.diagnostics)")
        #expect(reply.diagnostics.hasSuffix("nothing changed\n"), "\(reply.diagnostics)")
        #expect(reply.output == "")
        #expect(session.snapshot == before)
        #expect(session.enter(":rules").output == rules)
        // The undo stack holds what it held: the branch, then the change.
        #expect(session.enter(":undo").output.hasPrefix("undid :branch trial"))
        #expect(session.enter(":undo").output.hasPrefix(#"undid modified Region["Jilin"]"#))
        #expect(session.enter(":undo").output == "Nothing to undo.\n")
        #expect(session.snapshot == start)
    }

    @Test func aLoadedPathJoinsTheRootAndItsImportsInsideIt() throws {
        let tree = try TemporaryTree("repl")
        defer { tree.remove() }
        try tree.write("rule more { when $r: Region(country == \"RU\") then recommend \"More {$r.name}\" { subject: $r.name, score: 0.2 } }\n",
                       to: "pack/more.accord")
        try tree.write("import \"more.accord\"\n", to: "pack/main.accord")
        let session = ReplFixture.session()
        let reply = session.enter(":load \(tree.at("pack/main.accord"))")
        #expect(reply.diagnostics.isEmpty, "\(reply.diagnostics)")
        #expect(reply.output.hasPrefix("loaded 2 files"), "\(reply.output)")
    }

    /// The root grows only with loads that succeed: a file loaded later may not reach
    /// into a folder whose load failed.
    @Test func aFailedLoadDoesNotWidenTheRoot() throws {
        let tree = try TemporaryTree("repl")
        defer { tree.remove() }
        try tree.write("rule broken {\n", to: "a/broken.accord")
        try tree.write("rule more { when $r: Region() then halt }\n", to: "a/more.accord")
        try tree.write("import \"../a/more.accord\"\n", to: "b/main.accord")
        let session = ReplFixture.session()
        #expect(session.enter(":load \(tree.at("a"))").diagnostics.contains("nothing changed"))
        let reply = session.enter(":load \(tree.at("b"))")
        #expect(reply.diagnostics.contains("error: `../a/more.accord` is outside the load root"), "\(reply.diagnostics)")
    }

    @Test func allowingLetsLoadedFilesReachFurther() throws {
        let tree = try TemporaryTree("repl")
        defer { tree.remove() }
        try tree.write("rule more { when $r: Region(country == \"RU\") then recommend \"More {$r.name}\" { subject: $r.name, score: 0.2 } }\n",
                       to: "shared/more.accord")
        try tree.write("import \"../shared/more.accord\"\n", to: "pack/main.accord")
        let refused = ReplSession(paths: [ReplFixture.rules, tree.at("pack")])
        #expect(refused.startupReply.diagnostics.contains("is outside the load root"))
        #expect(refused.enter(":rules").output == "No rules.\n")
        let allowed = ReplSession(paths: [ReplFixture.rules, tree.at("pack")], allowing: [tree.at("shared")])
        #expect(allowed.startupReply.diagnostics.isEmpty, "\(allowed.startupReply.diagnostics)")
        #expect(allowed.enter(":rules").output.contains("more"))
    }

    /// A typed `import` is the user's own, like `:load`; what the imported file names is checked.
    @Test func aTypedImportOfAFileThatReachesOutChangesNothing() throws {
        let tree = try TemporaryTree("repl")
        defer { tree.remove() }
        try tree.write("rule more { when $r: Region() then halt }\n", to: "outside/more.accord")
        try tree.write("import \"../outside/more.accord\"\n", to: "pack/main.accord")
        let session = ReplFixture.session()
        let before = session.snapshot
        let reply = session.enter("import \"\(tree.at("pack/main.accord"))\"")
        #expect(reply.diagnostics.contains("main.accord:1:8: error: `../outside/more.accord` is outside the load root"),
                "\(reply.diagnostics)")
        #expect(reply.diagnostics.hasSuffix("nothing changed\n"))
        #expect(session.snapshot == before)
        #expect(session.enter(":undo").output == "Nothing to undo.\n")
    }
}
