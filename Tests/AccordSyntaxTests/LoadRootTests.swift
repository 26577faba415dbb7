import AccordSyntax
import AccordTestSupport
import Foundation
import Testing

/// Paths named inside rule files stay inside the load root, judged after `..` and
/// symbolic links are resolved (docs/security.md). Each test builds a tree in a
/// temporary folder: `root/` is what is loaded, `outside/` is not.
@Suite struct LoadRootTests {
    static let template = "template T {\n  key name\n  name: string\n}\n"

    /// `code line:col` of each diagnostic, and the files that were loaded (by name).
    func outcome(_ output: SourceLoader.Output) -> (diagnostics: [String], files: [String]) {
        let diagnostics = output.diagnostics.map { "\($0.code) \($0.span.startLocation.line):\($0.span.startLocation.column)" }
        let files = output.program.units.map { ($0.file.path as NSString).lastPathComponent }
        return (diagnostics, files)
    }

    @Test func dotDotOutOfTheFolderIsRefusedAtThePathString() throws {
        let tree = try TemporaryTree("root")
        defer { tree.remove() }
        try tree.write(LoadRootTests.template, to: "outside/secret.accord")
        try tree.write("// main\nimport \"../outside/secret.accord\"\n", to: "root/main.accord")
        let output = SourceLoader().load(paths: [tree.at("root")])
        #expect(outcome(output).diagnostics == ["load.outside-root 2:8"])
        #expect(outcome(output).files == ["main.accord"])
        let diagnostic = try #require(output.diagnostics.first)
        #expect(diagnostic.message == "`../outside/secret.accord` is outside the load root")
        #expect(diagnostic.span.text == "\"../outside/secret.accord\"")
        #expect(diagnostic.span.file.path == tree.at("root/main.accord"))
        #expect(diagnostic.notes.map(\.message).contains { $0.hasPrefix("to allow it, pass `--allow-path ") && $0.hasSuffix("outside`") })
    }

    @Test func dotDotThatStaysInsideIsAllowed() throws {
        let tree = try TemporaryTree("root")
        defer { tree.remove() }
        try tree.write(LoadRootTests.template, to: "root/schema.accord")
        try tree.write("import \"sub/../schema.accord\"\n", to: "root/main.accord")
        let output = SourceLoader().load(paths: [tree.at("root/main.accord")])
        #expect(outcome(output).diagnostics == [])
        #expect(outcome(output).files == ["main.accord", "schema.accord"])
    }

    @Test func anAbsolutePathOutsideIsRefusedEvenWhenMissing() throws {
        let tree = try TemporaryTree("root")
        defer { tree.remove() }
        try tree.write(LoadRootTests.template, to: "outside/secret.accord")
        try tree.write("import \"\(tree.at("outside/secret.accord"))\"\nimport \"/nonexistent/x.accord\"\n", to: "root/main.accord")
        let output = SourceLoader().load(paths: [tree.at("root")])
        // A missing file outside is refused, not reported missing: a rule file learns nothing about what exists there.
        #expect(outcome(output).diagnostics == ["load.outside-root 1:8", "load.outside-root 2:8"])
        #expect(outcome(output).files == ["main.accord"])
    }

    @Test func anAbsolutePathInsideIsAllowedAndAMissingOneInsideIsUnreadable() throws {
        let tree = try TemporaryTree("root")
        defer { tree.remove() }
        try tree.write(LoadRootTests.template, to: "root/schema.accord")
        try tree.write("import \"\(tree.at("root/schema.accord"))\"\nimport \"missing.accord\"\n", to: "root/main.accord")
        let output = SourceLoader().load(paths: [tree.at("root")])
        #expect(outcome(output).diagnostics == ["load.unreadable-file 2:8"])
        #expect(outcome(output).files == ["main.accord", "schema.accord"])
    }

    @Test func aLinkInsideTheRootLeadingOutIsRefused() throws {
        let tree = try TemporaryTree("root")
        defer { tree.remove() }
        try tree.write(LoadRootTests.template, to: "outside/secret.accord")
        try tree.link("root/innocent.txt", to: "../outside/secret.accord")
        try tree.link("root/shared", to: tree.at("outside"))
        try tree.write("import \"innocent.txt\"\nimport \"shared/secret.accord\"\n", to: "root/main.accord")
        let output = SourceLoader().load(paths: [tree.at("root/main.accord")])
        #expect(outcome(output).diagnostics == ["load.outside-root 1:8", "load.outside-root 2:8"])
        #expect(outcome(output).files == ["main.accord"])
        let notes = output.diagnostics.first?.notes.map(\.message) ?? []
        #expect(notes.contains { $0.hasPrefix("it leads to `") && $0.hasSuffix("outside/secret.accord`") }, "\(notes)")
    }

    @Test func aFolderHoldingALinkOutDoesNotLoadIt() throws {
        let tree = try TemporaryTree("root")
        defer { tree.remove() }
        try tree.write(LoadRootTests.template, to: "outside/secret.accord")
        try tree.write("// fine\n", to: "root/main.accord")
        try tree.link("root/secret.accord", to: tree.at("outside/secret.accord"))
        let output = SourceLoader().load(paths: [tree.at("root")])
        #expect(output.diagnostics.map(\.code) == ["load.outside-root"])
        #expect(output.diagnostics.first?.message == "`\(tree.at("root/secret.accord"))` leads outside the load root")
        #expect(outcome(output).files == ["main.accord"])
    }

    @Test func aLinkInsideTheRootLeadingInsideIsAllowed() throws {
        let tree = try TemporaryTree("root")
        defer { tree.remove() }
        try tree.write(LoadRootTests.template, to: "root/lib/schema.accord")
        try tree.link("root/current", to: "lib")
        try tree.write("import \"current/schema.accord\"\n", to: "root/main.accord")
        let output = SourceLoader().load(paths: [tree.at("root/main.accord")])
        #expect(outcome(output).diagnostics == [])
        #expect(outcome(output).files == ["main.accord", "schema.accord"])
    }

    @Test func aLinkedRootIsItsTarget() throws {
        let tree = try TemporaryTree("root")
        defer { tree.remove() }
        try tree.write(LoadRootTests.template, to: "real/schema.accord")
        try tree.write("import \"schema.accord\"\nimport \"../real/schema.accord\"\n", to: "real/main.accord")
        try tree.link("link", to: "real")
        let output = SourceLoader().load(paths: [tree.at("link")])
        // Through the link, `..` leads to the link's folder, and `real/` is the root's real path.
        #expect(outcome(output).diagnostics == [])
        #expect(outcome(output).files == ["main.accord", "schema.accord"])
    }

    @Test func allowPathLetsAFolderIn() throws {
        let tree = try TemporaryTree("root")
        defer { tree.remove() }
        try tree.write(LoadRootTests.template, to: "outside/secret.accord")
        try tree.write("rule r { when T() then halt }\n", to: "outside/other.accord")
        try tree.write("import \"../outside/secret.accord\"\n", to: "root/main.accord")
        let root = LoadRoot(arguments: [tree.at("root")], allowing: [tree.at("outside")])
        let output = SourceLoader().load(paths: [tree.at("root")], root: root)
        #expect(outcome(output).diagnostics == [])
        #expect(outcome(output).files == ["main.accord", "secret.accord"])
    }

    @Test func allowPathOfAFileLetsOnlyThatFileIn() throws {
        let tree = try TemporaryTree("root")
        defer { tree.remove() }
        try tree.write(LoadRootTests.template, to: "outside/secret.accord")
        try tree.write("// other\n", to: "outside/other.accord")
        try tree.write("import \"../outside/secret.accord\"\nimport \"../outside/other.accord\"\n", to: "root/main.accord")
        let root = LoadRoot(arguments: [tree.at("root")], allowing: [tree.at("outside/secret.accord")])
        let output = SourceLoader().load(paths: [tree.at("root")], root: root)
        #expect(outcome(output).diagnostics == ["load.outside-root 2:8"])
        #expect(outcome(output).files == ["main.accord", "secret.accord"])
    }

    @Test func csvFactsFromOutsideAreRefusedAndDroppedFromTheProgram() throws {
        let tree = try TemporaryTree("root")
        defer { tree.remove() }
        try tree.write("name\nx\n", to: "outside/t.csv")
        try tree.write("name\ny\n", to: "root/data/t.csv")
        try tree.write(LoadRootTests.template + "facts T from \"../outside/t.csv\"\nfacts T from \"data/t.csv\"\n",
                       to: "root/main.accord")
        let output = SourceLoader().load(paths: [tree.at("root")])
        #expect(outcome(output).diagnostics == ["load.outside-root 5:14"])
        // Whoever checks the program anyway reads only the CSV file inside.
        let sources = output.program.units.flatMap(\.declarations).compactMap { declaration -> String? in
            if case .factsFrom(let d) = declaration { return d.path.value }
            return nil
        }
        #expect(sources == ["data/t.csv"])
    }

    @Test func pathsInsideAnImportedFileAreCheckedToo() throws {
        let tree = try TemporaryTree("root")
        defer { tree.remove() }
        try tree.write(LoadRootTests.template, to: "outside/secret.accord")
        try tree.write("import \"../../outside/secret.accord\"\n", to: "root/lib/a.accord")
        try tree.write("import \"lib/a.accord\"\n", to: "root/main.accord")
        let output = SourceLoader().load(paths: [tree.at("root/main.accord")])
        #expect(output.diagnostics.map(\.code) == ["load.outside-root"])
        #expect(output.diagnostics.first?.span.file.path == tree.at("root/lib/a.accord"))
    }

    /// Text the caller wrote (the REPL's prompt) may name any path, like `:load`; the
    /// file it imports joins the root, but that file's own paths are checked.
    @Test func typedTextNamesAnyPathButWhatItImportsIsChecked() throws {
        let tree = try TemporaryTree("root")
        defer { tree.remove() }
        try tree.write(LoadRootTests.template, to: "outside/secret.accord")
        try tree.write("import \"../outside/secret.accord\"\n", to: "pack/a.accord")
        let output = SourceLoader().load(text: "import \"\(tree.at("pack/a.accord"))\"\n", path: "<repl 1>")
        #expect(output.diagnostics.map(\.code) == ["load.outside-root"])
        #expect(output.diagnostics.first?.span.file.path == tree.at("pack/a.accord"))
        #expect(outcome(output).files == ["<repl 1>", "a.accord"])
    }

    @Test func aCycleOfLinksIsRefused() throws {
        let tree = try TemporaryTree("root")
        defer { tree.remove() }
        try tree.link("root/a.accord", to: "b.accord")
        try tree.link("root/b.accord", to: "a.accord")
        try tree.write("import \"a.accord\"\n", to: "root/main.accord")
        let output = SourceLoader().load(paths: [tree.at("root/main.accord")])
        #expect(outcome(output).diagnostics == ["load.outside-root 1:8"])
        #expect(output.diagnostics.first?.notes.first?.message == "it goes through more than 40 symbolic links")
    }
}
