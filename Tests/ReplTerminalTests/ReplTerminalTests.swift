import AccordTestSupport
import Foundation
import Testing

/// `accord repl` at a real terminal: a pseudo-terminal drives the built executable with
/// keystrokes and reads back what the terminal shows. Each test waits for the prompt and
/// for raw mode before typing, and every wait has a timeout.
@Suite(.serialized) struct ReplTerminalTests {
    static let up = "\u{1B}[A"
    static let ctrlC = "\u{03}"
    static let ctrlD = "\u{04}"

    @Test func tabCompletesACommand() throws {
        let (rules, home) = try ReplFixture.folder()
        let terminal = try ReplFixture.start(rules: rules, home: home)
        terminal.send(":fac\t")
        try terminal.expect("ts ")
        terminal.send("Region\r")
        try terminal.expect(#"Region["Amur"] { name: "Amur", population: 750 }"#)
        try terminal.expectPrompt()
    }

    @Test func aSecondTabListsTheChoices() throws {
        let (rules, home) = try ReplFixture.folder()
        let terminal = try ReplFixture.start(rules: rules, home: home)
        // `:why` and `:whynot` share `:why`: the first Tab inserts it, the second lists both.
        terminal.send(":wh\t")
        try terminal.expect("y")
        terminal.send("\t")
        try terminal.expect(":whynot")
        try terminal.expect(":why")
    }

    @Test func ctrlCAtThePromptAbandonsTheLine() throws {
        let (rules, home) = try ReplFixture.folder()
        let terminal = try ReplFixture.start(rules: rules, home: home)
        terminal.send(":facts Reg")
        try terminal.expect("Reg")
        terminal.send(Self.ctrlC)
        try terminal.expect("^C\r\n")
        try terminal.expectPrompt()
        terminal.send(":rules\r")
        let reply = try terminal.expectPrompt()
        #expect(reply.contains("count_up"))
        #expect(!reply.contains("Region["))
    }

    @Test func tabCompletesARuleName() throws {
        let (rules, home) = try ReplFixture.folder()
        let terminal = try ReplFixture.start(rules: rules, home: home)
        terminal.send(":whynot crow\t")
        try terminal.expect("ded_region ")
        terminal.send("\r")
        try terminal.expectPrompt()
        #expect(!terminal.transcript.contains("no rule"))
    }

    @Test func anOpenBraceContinuesOnTheNextLine() throws {
        let (rules, home) = try ReplFixture.folder()
        let terminal = try ReplFixture.start(rules: rules, home: home)
        terminal.send("assert Region {\r")
        try terminal.expectPrompt("   ...> ")
        terminal.send(#"name: "Jilin" }"# + "\r")
        try terminal.expect("asserted Region")
        try terminal.expectPrompt()
        terminal.send(":facts Region\r")
        try terminal.expect(#"Region["Jilin"]"#)
    }

    @Test func ctrlCInAContinuationAbandonsTheEntry() throws {
        let (rules, home) = try ReplFixture.folder()
        let terminal = try ReplFixture.start(rules: rules, home: home)
        terminal.send("assert Region {\r")
        try terminal.expectPrompt("...> ")
        terminal.send(#"name: "Jilin""#)
        try terminal.expect(#""Jilin""#)
        terminal.send(Self.ctrlC)
        try terminal.expect("^C")
        try terminal.expectPrompt()
        terminal.send(":facts Region\r")
        let listing = try terminal.expect("accord> ")
        #expect(listing.contains(#"Region["Amur"]"#))
        #expect(!listing.contains("Jilin"))
    }

    @Test func ctrlCDuringALongRunReturnsToAConsistentSession() throws {
        let (rules, home) = try ReplFixture.folder()
        let terminal = try ReplFixture.start(rules: rules, home: home)
        terminal.send(#"assert Counter { name: "c" }"# + "\r")
        try terminal.expect("\n")
        Thread.sleep(forTimeInterval: 0.5)
        let interruptedAt = Date()
        terminal.send(Self.ctrlC)
        try terminal.expect("interrupted")
        try terminal.expectPrompt()
        #expect(Date().timeIntervalSince(interruptedAt) < TestTiming.scaled(5))
        terminal.send(":facts\r")
        let listing = try terminal.expect("accord> ")
        #expect(listing.contains(#"Region["Amur"]"#))
        #expect(!listing.contains("Counter["))
    }

    @Test func ctrlDOnAnEmptyLineExitsWithZero() throws {
        let (rules, home) = try ReplFixture.folder()
        let terminal = try ReplFixture.start(rules: rules, home: home)
        terminal.send(Self.ctrlD)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func quitExitsWithZero() throws {
        let (rules, home) = try ReplFixture.folder()
        let terminal = try ReplFixture.start(rules: rules, home: home)
        terminal.send(":quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func historySurvivesARestart() throws {
        let (rules, home) = try ReplFixture.folder()
        let first = try ReplFixture.start(rules: rules, home: home)
        first.send(":facts Region\r")
        try first.expectPrompt()
        first.send("rule shout {\r")
        try first.expectPrompt("...> ")
        first.send("when\r")
        try first.expectPrompt("...> ")
        first.send("$r: Region() // any region\r")
        try first.expectPrompt("...> ")
        first.send("then\r")
        try first.expectPrompt("...> ")
        first.send("print \"hello {$r.name}\"\r")
        try first.expectPrompt("...> ")
        first.send("}\r")
        try first.expect("hello Amur")
        try first.expectPrompt()
        first.send(Self.ctrlD)
        #expect(try first.waitForExit() == 0)

        let history = Fixtures.read(home + "/state/accord/history")
        #expect(history.hasPrefix("_HiStOrY_V2_\n"))
        // The rule is one entry, joined onto one line with the same meaning.
        #expect(history.contains(#"rule\040shout\040{\040when\040$r:\040Region()\040/*\040any\040region\040*/;\040then\040print\040"hello\040{$r.name}"\040}"#))

        let second = try ReplFixture.start(rules: rules, home: home)
        second.send(Self.up)
        try second.expect(#"rule shout { when $r: Region() /* any region */; then print "hello {$r.name}" }"#)
        second.send(Self.up)
        try second.expect(":facts Region")
        second.send("\r")
        try second.expect(#"Region["Amur"]"#)
        try second.expectPrompt()
    }

    @Test func aHistoryThatCannotBeWrittenIsOneWarning() throws {
        let (rules, home) = try ReplFixture.folder()
        let blocker = home + "/not-a-folder"
        try "".write(toFile: blocker, atomically: true, encoding: .utf8)
        let terminal = try ReplFixture.start(rules: rules, home: home, extraEnvironment: ["XDG_STATE_HOME": blocker])
        terminal.send(":rules\r")
        try terminal.expect("accord: warning: cannot write the history file `\(blocker)/accord/history`")
        try terminal.expectPrompt()
        terminal.send(":rules\r")
        try terminal.expectPrompt()
        terminal.send(Self.ctrlD)
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.transcript.components(separatedBy: "warning:").count == 2)
    }

    /// Colour on a terminal, never with NO_COLOR (the piped tests check there is none
    /// without a terminal).
    @Test(arguments: [false, true]) func errorsAreColouredUnlessNoColorIsSet(noColor: Bool) throws {
        let (rules, home) = try ReplFixture.folder()
        var environment = PseudoTerminal.environment(home: home)
        if !noColor { environment["NO_COLOR"] = nil }
        let terminal = try PseudoTerminal(executable: AccordBinary.path, arguments: ["repl", rules], environment: environment)
        try terminal.expectPrompt()
        terminal.send("assert Region { name: 12 }\r")
        let reply = try terminal.expectPrompt()
        #expect(reply.contains("error"))
        let styled = reply.replacingOccurrences(of: "\u{1B}[?2004h", with: "").replacingOccurrences(of: "\u{1B}[?2004l", with: "")
        #expect(styled.contains("\u{1B}[") == !noColor, "\(styled.debugDescription)")
    }

    @Test func chineseInputIsEditedAndEchoed() throws {
        let (rules, home) = try ReplFixture.folder()
        let terminal = try ReplFixture.start(rules: rules, home: home)
        // Type a wrong character, then Backspace over it: the line holds 黑龙江 exactly.
        terminal.send(#"assert Region { name: "黑龙江省"#)
        try terminal.expect("省")
        terminal.send("\u{7F}" + #"" }"# + "\r")
        try terminal.expect("asserted Region")
        try terminal.expectPrompt()
        terminal.send(":facts Region\r")
        try terminal.expect(#"Region["黑龙江"] { name: "黑龙江", population: 0 }"#)
    }

    /// With no locale in the environment the REPL still reads UTF-8 (it falls back to C.UTF-8).
    @Test func chineseInputNeedsNoLocaleSetting() throws {
        let (rules, home) = try ReplFixture.folder()
        var environment = PseudoTerminal.environment(home: home)
        environment["LANG"] = nil
        let terminal = try PseudoTerminal(executable: AccordBinary.path, arguments: ["repl", rules], environment: environment)
        try terminal.expectPrompt()
        terminal.send(#"assert Region { name: "黑龙江" }"# + "\r")
        try terminal.expect("asserted Region")
        try terminal.expectPrompt()
        terminal.send(":facts Region\r")
        try terminal.expect(#"Region["黑龙江"]"#)
    }

    @Test func aPastedRuleWithTabsIsInsertedLiterally() throws {
        let (rules, home) = try ReplFixture.folder()
        let terminal = try ReplFixture.start(rules: rules, home: home)
        #expect(terminal.transcript.contains("\u{1B}[?2004h"))
        let rule = "rule greet {\n\twhen\n\t\t$r: Region()\n\tthen\n\t\tprint \"hi {$r.name}\"\n}"
        // Terminals send pasted line breaks as carriage returns.
        terminal.send("\u{1B}[200~" + rule.replacingOccurrences(of: "\n", with: "\r") + "\u{1B}[201~")
        try terminal.expect("print \"hi {$r.name}\"")
        Thread.sleep(forTimeInterval: 0.2)
        #expect(!terminal.pending.contains("hi Amur"), "the paste was submitted before Enter")
        terminal.send("\r")
        try terminal.expect("hi Amur")
        try terminal.expectPrompt()
        terminal.send(":rules\r")
        let listing = try terminal.expectPrompt()
        #expect(listing.contains("greet"))
        terminal.send(Self.ctrlD)
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.transcript.hasSuffix("\u{1B}[?2004l\r\n") || terminal.transcript.contains("\u{1B}[?2004l"))
    }

    /// The issue asks for the first prompt within 100 ms with Rules/ loaded. A debug
    /// build under test is slower than a release build, so this only bounds it loosely
    /// and prints the figure.
    @Test func thePromptAppearsQuicklyWithTheRuleBaseLoaded() throws {
        let home = try Scratch.folder()
        var times: [Double] = []
        for _ in 0..<3 {
            let start = Date()
            let terminal = try PseudoTerminal(
                executable: AccordBinary.path, arguments: ["repl", "Rules"],
                environment: PseudoTerminal.environment(home: home), directory: AccordBinary.repository)
            try terminal.expect("accord> ")
            times.append(Date().timeIntervalSince(start))
            #expect(terminal.transcript.contains("Loaded Rules: "))
            try terminal.waitForRawMode()
            terminal.send(Self.ctrlD)
            _ = try terminal.waitForExit()
        }
        let best = times.min() ?? 0
        print("accord repl Rules: first prompt after \(Int(best * 1000)) ms (best of 3, this build)")
        #expect(best < TestTiming.scaled(2))
    }
}
