import AccordTestSupport
import Foundation
import Testing

/// `--max-facts` through the command line: every command that runs rules takes it, a
/// rule that makes too many facts stops with `path:line:col: error:` at its action and
/// exit 1, too many facts in the files stop the load at the first one too many, and a
/// rule with too many conditions is a checker error.
@Suite struct LimitCommandTests {
    static let growing = """
        template Step {
          key n
          n: int
          w: int = 0
        }
        facts {
          Step { n: 0 }
        }
        rule grow {
          when
            $s: Step()
          then
            assert Step { n: $s.n + 1 }
        }
        scenario more {
          assert Step { n: -1 }
        }
        test "grows" {
          expect fact Step(n > 3)
        }

        """

    static func folder(_ files: [String: String]) throws -> String {
        let folder = try Scratch.folder()
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        return folder
    }

    static let stopped = "limit.accord:13:5: error: stopped at 50 facts: rule `grow` made one more `Step` fact; "
        + "raise --max-facts if the rules are meant to make this many\n"

    @Test(arguments: [
        ["run", "limit.accord"],
        ["whatif", "limit.accord", "--scenario", "more"],
        ["sweep", "limit.accord", "--vary", #"Step[0].w"#, "--values", "0"],
        ["whynot", "grow", "limit.accord"],
    ])
    func aRuleThatMakesTooManyFactsStopsWithOne(arguments: [String]) throws {
        let folder = try Self.folder(["limit.accord": Self.growing])
        let result = try Accord.run(arguments + ["--max-facts", "50"], directory: folder)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(Self.stopped), "\(result.stderr)")
        #expect(result.stderr.contains("    assert Step { n: $s.n + 1 }\n    ^~~~"))
        #expect(result.stdout == "")
    }

    @Test func theBaselineOfATestSuiteStopsWithOne() throws {
        let folder = try Self.folder(["limit.accord": Self.growing])
        let result = try Accord.run(["test", "limit.accord", "--max-facts", "50"], directory: folder)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(Self.stopped), "\(result.stderr)")
    }

    @Test func tooManyFactsInTheFilesStopAtTheFirstOneTooMany() throws {
        let items = "template Item {\n  key n\n  n: int\n}\nfacts {\n  Item { n: 1 }\n  Item { n: 2 }\n  Item { n: 3 }\n}\n"
        let folder = try Self.folder(["items.accord": items])
        let result = try Accord.run(["run", "items.accord", "--max-facts", "2"], directory: folder)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("items.accord:8:3: error: more than 2 facts; raise --max-facts to load more\n"),
                "\(result.stderr)")
        #expect(try Accord.run(["run", "items.accord", "--max-facts", "3"], directory: folder).status == 0)
    }

    /// Two million rows take the debug build minutes to load; past the limit it stops at
    /// the row, without reading the rest.
    @Test func aHugeCSVFileStopsAtTheFirstRowTooMany() throws {
        var rows = "n,name\n"
        for index in 0..<2_000_000 { rows += "\(index),item \(index)\n" }
        let folder = try Self.folder([
            "big.csv": rows,
            "big.accord": "template Item {\n  key n\n  n: int\n  name: string\n}\nfacts Item from \"big.csv\"\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let started = Date()
        let result = try Accord.run(["run", "big.accord", "--max-facts", "1000"], directory: folder)
        let seconds = Date().timeIntervalSince(started)
        #expect(result.status == 1)
        // The header is line 1, so the 1001st row is line 1002.
        #expect(result.stderr.hasPrefix("big.csv:1002:1: error: more than 1000 facts; raise --max-facts to load more\n"),
                "\(result.stderr.prefix(300))")
        #expect(seconds < TestTiming.scaled(30), "took \(seconds) s")
    }

    @Test func aRuleWithTooManyConditionsIsACheckerError() throws {
        // No bindings: a thousand unused-binding warnings would only bury the error.
        let conditions = (0..<1001).map { _ in "    T(a == 1)" }.joined(separator: "\n")
        let text = "template T {\n  key a\n  a: int\n}\nrule big {\n  when\n\(conditions)\n  then\n    halt\n}\n"
        let folder = try Self.folder(["big.accord": text])
        let result = try Accord.run(["run", "big.accord"], directory: folder)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("big.accord:1007:5: error: rule `big` has 1001 conditions; at most 1000 are allowed\n"),
                "\(result.stderr.prefix(300))")
    }

    @Test func theLimitMustBePositive() throws {
        let folder = try Self.folder(["limit.accord": Self.growing])
        let result = try Accord.run(["run", "limit.accord", "--max-facts", "0"], directory: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--max-facts must be at least 1"))
    }

    @Test(arguments: ["run", "whatif", "sweep", "test", "whynot", "repl"])
    func everyCommandThatRunsRulesTakesTheLimit(command: String) throws {
        let help = try Accord.run([command, "--help"])
        #expect(help.stdout.contains("--max-facts <n>"), "\(help.stdout)")
    }
}
