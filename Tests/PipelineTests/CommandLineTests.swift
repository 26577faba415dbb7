import AccordTestSupport
import Foundation
import Testing

/// Runs the built `accord` executable as a user would and checks exit codes, output
/// and what happens to files.
@Suite struct CommandLineTests {
    /// No errors; the lint warns only that the brief declares `Region` and `Agreement`
    /// for examples without a rule that reads them.
    @Test func checkIsCleanOnTheLanguageExamples() throws {
        let result = try Accord.run(["check", Fixtures.path("language")])
        #expect(result.status == 0, "\(result.stderr)")
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(warnings.count == 2, "\(result.stderr)")
        #expect(warnings.allSatisfy { $0.contains("template `") && $0.contains("` is never used") }, "\(result.stderr)")
        #expect(!result.stderr.contains(": error: "))
    }

    @Test func syntaxErrorsExitWithTwoAndRenderCarets() throws {
        let result = try Accord.run(["check", Fixtures.path("parse/missing_brace.accord")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing_brace.accord:6:55: error: expected `}` to close the rule, found end of line"))
        #expect(result.stderr.contains("note: the rule opens here"))
        #expect(result.stderr.contains("      ^"))
    }

    @Test func checkerErrorsExitWithOne() throws {
        let folder = try Scratch.folder()
        try "rule r {\n  when\n    $p: Prak()\n  then\n    halt\n}\n".write(toFile: folder + "/r.accord", atomically: true, encoding: .utf8)
        let result = try Accord.run(["check", folder])
        #expect(result.status == 1)
        #expect(result.stderr.contains("r.accord:3:9: error: unknown template `Prak`"))
    }

    @Test func missingPathExitsWithTwo() throws {
        let result = try Accord.run(["check", "/nonexistent/rules"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no such file or folder `/nonexistent/rules`"))
    }

    @Test func badUsageExitsWithTwo() throws {
        let result = try Accord.run(["check", "--no-such-flag"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--no-such-flag"))
    }

    @Test func formatFiltersStandardInput() throws {
        let result = try Accord.run(["fmt", "-"], input: "template   T{key a\na:int}")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "template T {\n  key a\n  a: int\n}\n")
    }

    @Test func formatCheckListsUnformattedFilesAndChangesNothing() throws {
        let folder = try Scratch.folder()
        let messy = "template   T{key a\na:int}\n"
        let tidy = "template T {\n  key a\n  a: int\n}\n"
        try messy.write(toFile: folder + "/messy.accord", atomically: true, encoding: .utf8)
        try tidy.write(toFile: folder + "/tidy.accord", atomically: true, encoding: .utf8)
        let check = try Accord.run(["fmt", "--check", folder])
        #expect(check.status == 1)
        #expect(check.stdout == folder + "/messy.accord\n")
        #expect(Fixtures.read(folder + "/messy.accord") == messy)

        let format = try Accord.run(["fmt", folder])
        #expect(format.status == 0, "\(format.stderr)")
        #expect(Fixtures.read(folder + "/messy.accord") == tidy)
        #expect(try Accord.run(["fmt", "--check", folder]).status == 0)
    }

    @Test func formatLeavesABrokenFileUntouched() throws {
        let folder = try Scratch.folder()
        let broken = "rule r {\n  when\n    $p: Park(\n"
        try broken.write(toFile: folder + "/broken.accord", atomically: true, encoding: .utf8)
        let result = try Accord.run(["fmt", folder])
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.accord:3:14: error:"))
        #expect(Fixtures.read(folder + "/broken.accord") == broken)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(leftovers == ["broken.accord"])
    }

    /// The shipped rule base stays clean and canonically formatted.
    @Test func rulesCheckCleanAndAreFormatted() throws {
        let rules = URL(fileURLWithPath: Fixtures.root).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Rules").path
        let check = try Accord.run(["check", rules])
        #expect(check.status == 0, "\(check.stderr)")
        let format = try Accord.run(["fmt", "--check", rules])
        #expect(format.status == 0, "unformatted: \(format.stdout)")
    }

    /// `run` evaluates the language examples: the brief's park rule recommends, the
    /// example's `print` lines come first on stdout, and the report follows.
    @Test func runEvaluatesTheLanguageExamples() throws {
        let result = try Accord.run(["run", Fixtures.path("language")])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("黑龙江 has ") == true)
        #expect(result.stdout.contains("1 recommendation from 3 rules ("))
        #expect(result.stdout.contains("rule: park_tech_transfer_hub (innovation; tags: innovation, parks)"))
        #expect(!result.stdout.contains("not evaluated"))
    }
}

enum Accord {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `accord` built beside the test bundle.
    static var executable: String {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [bundleFolder.appendingPathComponent("accord").path]
        let root = URL(fileURLWithPath: Fixtures.root).deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/accord").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    /// Runs `accord` with `arguments` in `directory` (the test's own by default), feeding
    /// it `input`; with `interruptAfter`, sends it SIGINT after that many seconds.
    static func run(_ arguments: [String], input: String? = nil, directory: String? = nil,
                    interruptAfter: Double? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        if let input {
            standardInput.fileHandleForWriting.write(Data(input.utf8))
        }
        try standardInput.fileHandleForWriting.close()
        if let interruptAfter {
            Thread.sleep(forTimeInterval: interruptAfter)
            process.interrupt()
        }
        let (outData, errData) = ChildOutput.read(output: output, error: error)
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

enum Scratch {
    /// A fresh empty folder under the system's temporary folder.
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "accord-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
