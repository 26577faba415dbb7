import AccordTestSupport
import Foundation
import Testing

/// Ctrl-C during a long `:load` at a real terminal: the load stops, the prompt comes
/// back, and the session is the one before the `:load` — whether the interrupt lands
/// while a huge file is read and checked, or while its rules run.
@Suite(.serialized) struct ReplInterruptTests {
    /// Loads `file` (written beside the fixture), interrupts once `settle` seconds have
    /// passed, and checks the session still lists only the fixture's facts.
    static func interruptLoad(of text: String, settle: Double) throws -> String {
        let (rules, home) = try ReplFixture.folder()
        let folder = (rules as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent("more.accord")) }
        try text.write(toFile: folder + "/more.accord", atomically: true, encoding: .utf8)
        let terminal = try ReplFixture.start(rules: rules, home: home)
        terminal.send(":load \(folder)/more.accord\r")
        try terminal.expect("\n")
        Thread.sleep(forTimeInterval: settle)
        let interruptedAt = Date()
        terminal.send(ReplTerminalTests.ctrlC)
        let reply = try terminal.expectPrompt(timeout: TestTiming.scaled(30))
        let seconds = Date().timeIntervalSince(interruptedAt)
        print("REPL :load: Ctrl-C to prompt in \(String(format: "%.3f", seconds)) s")
        #expect(seconds < TestTiming.scaled(2), "took \(seconds) s")
        terminal.send(":facts\r")
        let listing = try terminal.expect("accord> ")
        #expect(listing.contains(#"Region["Amur"]"#))
        #expect(!listing.contains("Item"), "nothing of the interrupted load is kept")
        #expect(!listing.contains("Counter["))
        return reply
    }

    @Test func ctrlCWhileAHugeFileLoadsLeavesTheSessionAsItWas() throws {
        var text = "template Item {\n  key n\n  n: int\n}\nfacts {\n"
        for index in 0..<300_000 { text += "  Item { n: \(index) }\n" }
        text += "}\n"
        let reply = try Self.interruptLoad(of: text, settle: 5)
        #expect(reply.contains("interrupted"), "\(reply)")
        #expect(reply.contains("nothing changed"), "\(reply)")
    }

    @Test func ctrlCWhileTheLoadedRulesRunLeavesTheSessionAsItWas() throws {
        let text = """
            facts {
              Counter { name: "loaded" }
            }

            """
        let reply = try Self.interruptLoad(of: text, settle: 1)
        #expect(reply.contains("interrupted: nothing changed"), "\(reply)")
    }
}
