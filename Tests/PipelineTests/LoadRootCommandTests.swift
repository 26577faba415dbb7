import AccordTestSupport
import Foundation
import Testing

/// The load root on the command line: what `accord` prints for a path that leads out
/// of it, `--allow-path`, and that every command that follows paths takes it.
@Suite struct LoadRootCommandTests {
    static let folder = Fixtures.path("security")

    /// `Tests/Fixtures/security/check.txt`: each refused path with its source line,
    /// caret and notes. Run inside the fixture folder so the paths printed are relative.
    @Test func refusedPathsMatchTheGolden() throws {
        let result = try Accord.run(["check", "rules"], directory: LoadRootCommandTests.folder)
        #expect(result.status == 2, "\(result.stderr)")
        let mismatch = Golden.check(result.stderr, against: LoadRootCommandTests.folder + "/check.txt")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    /// docs/security.md shows the golden's first error as it is printed.
    @Test func theGuideShowsTheGoldensFirstError() {
        let golden = Fixtures.read(LoadRootCommandTests.folder + "/check.txt")
        let firstError = golden.split(separator: "\n").prefix(6).joined(separator: "\n")
        let guide = Fixtures.read(Fixtures.root + "/../../docs/security.md")
        #expect(firstError.hasPrefix("rules/main.accord:5:8: error:"))
        #expect(guide.contains(firstError), "docs/security.md no longer shows:\n\(firstError)")
    }

    @Test func runRefusesBeforeReadingAnything() throws {
        let result = try Accord.run(["run", "rules"], directory: LoadRootCommandTests.folder)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("rules/main.accord:5:8: error: `../outside/secret.accord` is outside the load root"))
    }

    @Test func allowPathLetsTheFolderIn() throws {
        let tree = try TemporaryTree("cli")
        defer { tree.remove() }
        try tree.write("template Port {\n  key name\n  name: string\n  depth: float = 0\n}\n", to: "shared/schema.accord")
        try tree.write("name,depth\nNakhodka,14\n", to: "shared/ports.csv")
        try tree.write("""
            import "../shared/schema.accord"
            facts Port from "../shared/ports.csv"
            rule deep { when $p: Port(depth > 10) then recommend "Dredge {$p.name}" { subject: $p.name, score: 0.5 } }

            """, to: "rules/main.accord")
        let refused = try Accord.run(["run", "rules"], directory: tree.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.components(separatedBy: "error: ").count - 1 == 2, "\(refused.stderr)")
        #expect(refused.stderr.contains("note: to allow it, pass `--allow-path shared`"), "\(refused.stderr)")
        let allowed = try Accord.run(["run", "rules", "--allow-path", "shared"], directory: tree.path)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stdout.contains("Dredge Nakhodka"))
    }

    @Test func aFileArgumentBringsItsFolder() throws {
        let tree = try TemporaryTree("cli")
        defer { tree.remove() }
        try tree.write("template Port {\n  key name\n  name: string\n}\n", to: "Rules/schema.accord")
        try tree.write("name\nDalian\n", to: "Rules/data/ports.csv")
        try tree.write("import \"schema.accord\"\nfacts Port from \"data/ports.csv\"\n", to: "Rules/main.accord")
        let result = try Accord.run(["check", "Rules/main.accord"], directory: tree.path)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aSymlinkedRuleFolderLoads() throws {
        let tree = try TemporaryTree("cli")
        defer { tree.remove() }
        try tree.write("template Port {\n  key name\n  name: string\n}\n", to: "real/schema.accord")
        try tree.write("""
            import "schema.accord"
            facts { Port { name: "Dalian" } }
            rule visit { when $p: Port() then recommend "Visit {$p.name}" { subject: $p.name, score: 0.5 } }

            """, to: "real/main.accord")
        try tree.link("Rules", to: tree.at("real"))
        let result = try Accord.run(["run", "Rules"], directory: tree.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Visit Dalian"), "\(result.stdout)")
    }

    @Test func aSymlinkLeadingOutIsRefused() throws {
        let tree = try TemporaryTree("cli")
        defer { tree.remove() }
        try tree.write("name\nDalian\n", to: "private/ports.csv")
        try tree.link("Rules/data/ports.csv", to: tree.at("private/ports.csv"))
        try tree.write("template Port {\n  key name\n  name: string\n}\nfacts Port from \"data/ports.csv\"\n", to: "Rules/main.accord")
        let result = try Accord.run(["check", "Rules"], directory: tree.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("Rules/main.accord:5:17: error: `data/ports.csv` is outside the load root"), "\(result.stderr)")
        #expect(result.stderr.contains("note: it leads to `private/ports.csv`"), "\(result.stderr)")
    }

    @Test func allowPathMustExist() throws {
        let result = try Accord.run(["check", "--allow-path", "/nonexistent/shared", Fixtures.path("language")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--allow-path `/nonexistent/shared`: no such file or folder"), "\(result.stderr)")
    }

    /// Every command that follows `import` and `facts ... from` takes `--allow-path`;
    /// `fmt` reads only the files it is given, so it does not.
    @Test func everyLoadingCommandTakesAllowPath() throws {
        for command in ["run", "check", "whatif", "sweep", "test", "whynot", "graph", "repl"] {
            let help = try Accord.run([command, "--help"])
            #expect(help.stdout.contains("--allow-path <path>"), "\(command): \(help.stdout)")
        }
        #expect(try !Accord.run(["fmt", "--help"]).stdout.contains("--allow-path"))
    }

    @Test func replRefusesWhatALoadedFileNamesOutside() throws {
        let tree = try TemporaryTree("cli")
        defer { tree.remove() }
        try tree.write("template Secret {\n  key name\n  name: string\n}\n", to: "outside/secret.accord")
        try tree.write("import \"../outside/secret.accord\"\n", to: "rules/main.accord")
        let refused = try Accord.run(["repl", "rules"], input: ":rules\n", directory: tree.path)
        #expect(refused.stderr.contains("rules/main.accord:1:8: error: `../outside/secret.accord` is outside the load root"),
                "\(refused.stderr)")
        let allowed = try Accord.run(["repl", "rules", "--allow-path", "outside"], input: ":facts Secret\n", directory: tree.path)
        #expect(!allowed.stderr.contains("error"), "\(allowed.stderr)")
    }
}
