import AccordTestSupport
import Foundation
import Testing

/// Ctrl-C on the real binary: each command that runs rules stops within a second of
/// SIGINT (times `TestTiming.scale` in a sanitized build), exits 130 (not killed by the signal) and says on stderr what it was doing —
/// in a rule run, a scenario, a sweep point, a test, or while loading a huge file.
@Suite(.serialized) struct InterruptTests {
    /// The counter, which says `counting` once it starts; its scenario, sweep value and
    /// test make it count for ever.
    static let counter = CounterRuleBase.text + """

        rule announce {
          salience 1
          when
            Counter(value == 1)
          then
            print "counting"
        }

        scenario endless {
          modify Counter["c"] { limit: 1000000000000 }
        }

        test "counts for ever" {
          given {
            modify Counter["c"] { limit: 1000000000000 }
          }
          expect fact Counter(value > 3)
        }

        """

    static let noLimit = ["--max-firings", "1000000000000"]

    static func folder() throws -> String {
        let folder = try Scratch.folder()
        try counter.write(toFile: folder + "/counter.accord", atomically: true, encoding: .utf8)
        return folder
    }

    /// Interrupts `arguments` once `marker` shows, and checks what every interrupt must do.
    static func interrupted(_ arguments: [String], in folder: String, whenShowing marker: String?,
                            sourceLocation: SourceLocation = #_sourceLocation) throws -> InterruptedProcess.Outcome {
        let outcome = try InterruptedProcess(arguments, directory: folder).interrupt(whenShowing: marker)
        #expect(outcome.exited, "ended by a signal, not by exiting", sourceLocation: sourceLocation)
        #expect(outcome.status == 130, "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.secondsToExit < TestTiming.scaled(1), "took \(outcome.secondsToExit) s", sourceLocation: sourceLocation)
        print("\(arguments.first ?? ""): SIGINT to exit in \(String(format: "%.3f", outcome.secondsToExit)) s")
        return outcome
    }

    @Test func runStopsAndSaysHowFarItGot() throws {
        let outcome = try Self.interrupted(["run", "counter.accord", "--scenario", "endless"] + Self.noLimit,
                                           in: try Self.folder(), whenShowing: "counting")
        // The firings are counted unless the watchdog had to end the process first.
        #expect(outcome.stderr.hasPrefix("interrupted: the run"), "\(outcome.stderr)")
        #expect(!outcome.stdout.contains("recommendation"), "no report for a run cut short")
    }

    @Test func whatIfNamesTheScenario() throws {
        let outcome = try Self.interrupted(["whatif", "counter.accord", "--scenario", "endless"] + Self.noLimit,
                                           in: try Self.folder(), whenShowing: "counting")
        #expect(outcome.stderr.hasPrefix("interrupted: scenario `endless`"), "\(outcome.stderr)")
    }

    @Test func sweepNamesThePoint() throws {
        let outcome = try Self.interrupted(["sweep", "counter.accord", "--vary", #"Counter["c"].limit"#,
                                            "--values", "5,1000000000000"] + Self.noLimit,
                                           in: try Self.folder(), whenShowing: "counting")
        #expect(outcome.stderr.hasPrefix(#"interrupted: sweep point Counter["c"].limit = 1000000000000 (2 of 2)"#),
                "\(outcome.stderr)")
    }

    @Test func testNamesTheTest() throws {
        let outcome = try Self.interrupted(["test", "counter.accord"] + Self.noLimit, in: try Self.folder(),
                                           whenShowing: "counting")
        #expect(outcome.stderr.hasSuffix("interrupted: test `counts for ever`, 0 of 1 tests finished\n"), "\(outcome.stderr)")
        #expect(!outcome.stdout.contains("passed,"), "no summary for a suite cut short")
    }

    /// 300,000 facts take the debug build many seconds to lex, parse and check.
    @Test func loadingAHugeRuleFileStops() throws {
        let folder = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var text = "template Item {\n  key n\n  n: int\n  name: string\n}\nfacts {\n"
        for index in 0..<300_000 { text += "  Item { n: \(index), name: \"item number \(index)\" }\n" }
        text += "}\n"
        try text.write(toFile: folder + "/big.accord", atomically: true, encoding: .utf8)
        let outcome = try Self.interrupted(["run", "big.accord"], in: folder, whenShowing: nil)
        #expect(outcome.stderr.hasPrefix("interrupted: loading the rules"), "\(outcome.stderr)")
    }

    /// A million CSV rows: the interrupt lands while they are read or checked.
    @Test func loadingAHugeCSVFileStops() throws {
        let folder = try Scratch.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var rows = "n,name\n"
        for index in 0..<1_000_000 { rows += "\(index),item \(index)\n" }
        try rows.write(toFile: folder + "/big.csv", atomically: true, encoding: .utf8)
        try "template Item {\n  key n\n  n: int\n  name: string\n}\nfacts Item from \"big.csv\"\n"
            .write(toFile: folder + "/big.accord", atomically: true, encoding: .utf8)
        let outcome = try Self.interrupted(["whatif", "big.accord", "--scenario", "none"], in: folder, whenShowing: nil)
        #expect(outcome.stderr.hasPrefix("interrupted: loading the rules"), "\(outcome.stderr)")
    }
}
