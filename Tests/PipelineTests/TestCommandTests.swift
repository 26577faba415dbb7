import AccordTestSupport
import Foundation
import Testing

/// `accord test` on the fixture rule base in `Tests/Fixtures/policytest`: goldens of
/// the passing suite, the failing one (every kind of expectation failing, givens that
/// stop with an error) and `--filter`, then the exit codes. The command runs inside
/// the fixture folder with relative paths, so the paths it prints do not depend on
/// where the checkout lives. `ACCORD_UPDATE_GOLDEN=1` rewrites the goldens.
@Suite struct TestCommandTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let golden: String
        let arguments: [String]
        let status: Int32
        var testDescription: String { golden }
    }

    static let folder = Fixtures.path("policytest")

    static let cases: [Case] = [
        Case(golden: "passing.txt", arguments: ["base", "passing"], status: 0),
        Case(golden: "failing.txt", arguments: ["base", "failing"], status: 1),
        Case(golden: "filter.txt", arguments: ["base", "passing", "failing", "--filter", "AGREEMENT"], status: 1),
        Case(golden: "filter_none.txt", arguments: ["base", "passing", "--filter", "no such test"], status: 0),
        Case(golden: "firing_limit.txt", arguments: ["cases/endless_given.accord", "--max-firings", "50"], status: 1),
    ]

    static func run(_ arguments: [String], interruptAfter: Double? = nil) throws -> Accord.Result {
        try Accord.run(["test"] + arguments, directory: folder, interruptAfter: interruptAfter)
    }

    @Test(arguments: cases)
    func outputMatchesGolden(_ golden: Case) throws {
        let result = try Self.run(golden.arguments)
        #expect(result.status == golden.status, "\(result.stderr)")
        #expect(result.stderr == "")
        let mismatch = Golden.check(result.stdout, against: Self.folder + "/" + golden.golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    /// The last line is the contract scripts read, whatever came before it.
    @Test(arguments: cases)
    func theLastLineCountsPassesAndFailures(_ golden: Case) throws {
        let output = try Self.run(golden.arguments).stdout
        let lines = output.split(separator: "\n")
        let passed = lines.filter { $0.hasPrefix("✓ ") }.count
        let failed = lines.filter { $0.hasPrefix("✗ ") }.count
        #expect(lines.last.map(String.init) == "\(passed) passed, \(failed) failed")
        #expect((failed > 0 ? 1 : 0) == golden.status)
    }

    /// Each test starts from the baseline, so its block reads the same whether the whole
    /// suite ran or only that test did.
    @Test func aTestsOutputDoesNotDependOnTheTestsBeforeIt() throws {
        let blocks = Self.blocks(Fixtures.read(Self.folder + "/failing.txt"))
        #expect(blocks.count > 5)
        for block in blocks {
            // `✗ NAME  path:line`: the name is what lies between the mark and the location.
            let heading = block.prefix { $0 != "\n" }.dropFirst(2)
            guard let gap = heading.range(of: "  ", options: .backwards) else { continue }
            let name = String(heading[..<gap.lowerBound])
            let alone = try Self.run(["base", "failing", "--filter", name]).stdout
            #expect(Self.blocks(alone) == [block], "\(name)")
        }
    }

    /// Each test's block of a report: its line and the failure lines under it.
    static func blocks(_ report: String) -> [String] {
        var blocks: [String] = []
        for line in report.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("✓ ") || line.hasPrefix("✗ ") {
                blocks.append(line + "\n")
            } else if line.hasPrefix(" "), !blocks.isEmpty {
                blocks[blocks.count - 1] += line + "\n"
            }
        }
        return blocks
    }

    /// docs/testing.md shows real tests and real output: its `accord` block passes on the
    /// fixture rules, and its output excerpts are lines of the failing golden.
    @Test func theDocumentedExamplesAreReal() throws {
        let guide = URL(fileURLWithPath: Fixtures.root).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/testing.md").path
        var blocks: [(kind: Substring, lines: [Substring])] = []
        var current: (kind: Substring, lines: [Substring])?
        for line in Fixtures.read(guide).split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix("```") {
                current = (line.dropFirst(3), [])
            } else if let block = current, line == "```" {
                blocks.append(block)
                current = nil
            } else {
                current?.lines.append(line)
            }
        }
        let tests = try #require(blocks.first { $0.kind == "accord" })
        let folder = try Scratch.folder()
        try tests.lines.joined(separator: "\n").write(toFile: folder + "/guide.accord", atomically: true, encoding: .utf8)
        let result = try Accord.run(["test", Self.folder + "/base", folder])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasSuffix("\n3 passed, 0 failed\n"))

        let golden = Set(Fixtures.read(Self.folder + "/failing.txt").split(separator: "\n", omittingEmptySubsequences: false))
        let excerpts = blocks.filter { $0.kind.isEmpty && $0.lines.contains { $0.hasPrefix("✗ ") } }
        #expect(excerpts.count == 2)
        for line in excerpts.flatMap(\.lines) where line != "..." {
            #expect(golden.contains(line), "\(line)")
        }
    }

    @Test func syntaxErrorsExitWithTwo() throws {
        let result = try Accord.run(["test", Fixtures.path("parse/missing_brace.accord")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing_brace.accord:6:55: error: "))
        #expect(result.stdout == "")
    }

    @Test func checkerErrorsExitWithOne() throws {
        let folder = try Scratch.folder()
        try "test \"t\" {\n  expect recommend nowhere\n}\n".write(toFile: folder + "/t.accord", atomically: true, encoding: .utf8)
        let result = try Accord.run(["test", folder])
        #expect(result.status == 1)
        #expect(result.stderr.contains("t.accord:2:20: error: unknown rule `nowhere`"))
        #expect(result.stdout == "")
    }

    @Test func rulesWithoutTestsPassVacuously() throws {
        let result = try Self.run(["base"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "no tests found\n\n0 passed, 0 failed\n")
    }

    /// An error in the rules themselves, before any test's changes, stops everything
    /// the way `accord run` does, with a note that no test ran.
    @Test func anErrorInTheBaselineExitsWithOneAndRunsNoTest() throws {
        let result = try Self.run(["cases/baseline_error.accord"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("cases/baseline_error.accord:19:14: error: rule `trade_per_park`: division by zero\n"))
        #expect(result.stderr.hasSuffix("note: the error comes from the rules without any test's changes, so no test ran\n"))
        #expect(result.stdout == "")
    }

    @Test func aTimeoutStopsTheSuiteWithOne() throws {
        let result = try Self.run(["cases/endless_given.accord", "--max-firings", "1000000000000", "--timeout", "0.3"])
        #expect(result.status == 1)
        #expect(result.stderr == "accord: error: timed out after 0.3 s (test `a counter that never stops`, 0 of 2 tests finished)\n")
        #expect(!result.stdout.contains("passed,"), "no summary for a suite cut short")
    }

    @Test func ctrlCStopsTheSuiteWith130() throws {
        let result = try Self.run(["cases/endless_given.accord", "--max-firings", "1000000000000", "--timeout", "60"],
                                  interruptAfter: 1)
        #expect(result.status == 130)
        #expect(result.stderr == "interrupted: test `a counter that never stops`, 0 of 2 tests finished\n")
        #expect(!result.stdout.contains("passed,"))
    }

    @Test func badOptionValuesAreUsageErrors() throws {
        #expect(try Self.run(["base", "--max-firings", "0"]).status == 2)
        #expect(try Self.run(["base", "--timeout", "0"]).status == 2)
        #expect(try Self.run(["base", "--no-such-flag"]).status == 2)
    }

    /// `print` actions go to stderr, so stdout stays the report.
    @Test func printedLinesGoToStandardError() throws {
        let folder = try Scratch.folder()
        let program = """
        template T { key n; n: int }
        facts { T { n: 1 } }
        rule shout { when $t: T() then print "saw {$t.n}" }
        test "one" { expect fact T(n == 1) }
        """
        try program.write(toFile: folder + "/p.accord", atomically: true, encoding: .utf8)
        let result = try Accord.run(["test", folder])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "saw 1\n")
        #expect(result.stdout.hasSuffix("\n1 passed, 0 failed\n"))
    }
}
