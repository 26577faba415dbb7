import AccordFuzzing
import Testing

/// What `FuzzHarness.run` does with an input: loads its files from the workspace folder
/// (and nothing outside it), and bounds a run by its firing and fact limits.
@Suite struct FuzzHarnessTests {
    @Test func pathsOutsideTheWorkspaceAreLeftToTheLoadRoot() throws {
        let harness = FuzzHarness(workspace: try FuzzWorkspace())
        for path in ["/dev/zero", "../outside.accord", "sub/../../x.accord", "/etc/passwd"] {
            #expect(harness.run(Array("import \"\(path)\"\n".utf8)) == .rejected(codes: ["load.outside-root"]), "\(path)")
            let csv = "template T { x: int }\nfacts T from \"\(path)\"\n"
            #expect(harness.run(Array(csv.utf8)) == .rejected(codes: ["load.outside-root"]), "\(path)")
        }
    }

    @Test func filesBesideTheMainFileAreLoaded() throws {
        let harness = FuzzHarness(workspace: try FuzzWorkspace())
        let text = """
        import "schema.accord"
        facts T from "t.csv"
        %%% schema.accord
        template T { key x; x: int }
        rule r { when $t: T(x > 1) then print "{$t.x}" }
        %%% t.csv
        x
        1
        2
        """
        #expect(harness.run(Array(text.utf8)) == .ran)
        // The same files one at a time: the last input's files are gone.
        #expect(harness.run(Array("import \"schema.accord\"\n".utf8)) == .rejected(codes: ["load.unreadable-file"]))
    }

    @Test func aLoopingRuleStopsAtTheFiringLimit() throws {
        let harness = FuzzHarness(workspace: try FuzzWorkspace(), maxFirings: 50)
        let text = """
        template C { key n; n: int, v: int }
        facts { C { n: 1, v: 0 } }
        rule up { when $c: C() then modify $c { v: $c.v + 1 } }
        """
        #expect(harness.run(Array(text.utf8)) == .stopped(kind: "firingLimit"))
    }

    @Test func aRuleThatMakesFactsWithoutEndStopsAtTheFactLimit() throws {
        let harness = FuzzHarness(workspace: try FuzzWorkspace(), maxFirings: 10_000, maxFacts: 30)
        let text = """
        template N { key n; n: int }
        facts { N { n: 0 } }
        rule next { when $x: N() then assert N { n: $x.n + 1 } }
        """
        #expect(harness.run(Array(text.utf8)) == .stopped(kind: "factLimit"))
    }
}
