import AccordTestSupport
import Foundation
import Testing

/// `accord repl PATHS < script`: with stdin not a terminal the REPL reads plain lines,
/// prints no prompt, no escape codes and no colour, keeps no history file, and exits 0
/// at the end of the script or at `:quit`.
@Suite struct ReplScriptTests {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], script: String, home: String, colour: Bool = false,
                    directory: String? = nil) throws -> Result {
        let process = Process()
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.executableURL = URL(fileURLWithPath: AccordBinary.path)
        process.arguments = ["repl"] + arguments
        var environment = PseudoTerminal.environment(home: home)
        if colour { environment["NO_COLOR"] = nil }
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let (outData, errData) = ChildOutput.read(output: output, error: error)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func aScriptRunsLineByLine() throws {
        let (rules, home) = try ReplFixture.folder()
        let script = """
            :facts Region
            assert Region {
              name: "黑龙江"
              population: 900
            }
            :facts Region

            """
        let folder = (rules as NSString).deletingLastPathComponent
        let result = try Self.run(["rules.accord"], script: script, home: home, colour: true, directory: folder)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            Loaded rules.accord: 2 rules, 1 fact, 0 recommendations. Type :help for the commands.
            Region (1)
              Region["Amur"] { name: "Amur", population: 750 }
            asserted Region
            crowded 黑龙江
            0 recommendations, none changed
            Region (2)
              Region["Amur"] { name: "Amur", population: 750 }
              Region["黑龙江"] { name: "黑龙江", population: 900 }

            """)
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(!FileManager.default.fileExists(atPath: home + "/state/accord/history"))
    }

    @Test func anErrorIsReportedAndTheScriptGoesOn() throws {
        let (rules, home) = try ReplFixture.folder()
        let script = """
            assert Region { name: 12 }
            :facts Region
            :quit
            :facts Region

            """
        let result = try Self.run([rules], script: script, home: home)
        #expect(result.status == 0)
        #expect(result.stderr.contains("error: "))
        #expect(result.stdout.components(separatedBy: "Region (1)").count == 2, "\(result.stdout)")
    }

    @Test func anEntryLeftOpenAtTheEndIsStillHandled() throws {
        let (rules, home) = try ReplFixture.folder()
        let result = try Self.run([rules], script: "assert Region {\n  name: \"Jilin\"\n", home: home)
        #expect(result.status == 0)
        #expect(result.stderr.contains("error: "))
        #expect(!result.stdout.contains("asserted"))
    }

    @Test func windowsLineEndingsAndAMissingFinalLineBreakAreRead() throws {
        let (rules, home) = try ReplFixture.folder()
        let result = try Self.run([rules], script: ":facts Region\r\n:rules", home: home)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.contains(#"Region["Amur"]"#))
        #expect(result.stdout.contains("count_up"))
    }
}
