import AccordTestSupport
import Foundation
import Testing

/// `accord graph`: DOT on stdout or in a file, and SVG through Graphviz's `dot` when it
/// is on PATH (exit 2 with how to install it when it is not).
@Suite struct GraphCommandTests {
    static let folder = Fixtures.path("graph")

    @Test func dotGoesToStandardOutput() throws {
        let result = try Accord.run(["graph", "rules.accord"], directory: Self.folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == Fixtures.read(Self.folder + "/rules.dot"))
    }

    @Test func outputWritesTheFile() throws {
        let scratch = try Scratch.folder()
        let result = try Accord.run(["graph", Self.folder + "/rules.accord", "--output", scratch + "/g.dot"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "")
        #expect(Fixtures.read(scratch + "/g.dot") == Fixtures.read(Self.folder + "/rules.dot"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == ["g.dot"])
    }

    @Test func checkerErrorsStopBeforeTheGraph() throws {
        let scratch = try Scratch.folder()
        try "rule r {\n  when\n    $p: Prak()\n  then\n    halt\n}\n".write(toFile: scratch + "/r.accord", atomically: true, encoding: .utf8)
        let result = try Accord.run(["graph", scratch])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("unknown template `Prak`"))
    }

    @Test func svgWithoutGraphvizExitsWithTwoAndSaysHowToInstallIt() throws {
        let empty = try Scratch.folder()
        let result = try Accord.run(["graph", Self.folder + "/rules.accord", "--format", "svg"], environment: ["PATH": empty])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("Graphviz's `dot` is not installed: apt-get install graphviz (or brew install graphviz)"))
    }

    /// A stand-in `dot` on PATH gets the DOT on its standard input and `-Tsvg`; what it
    /// prints is the output. Needs no Graphviz.
    @Test func svgPipesTheDotThroughDot() throws {
        let bin = try Self.fakeDot("""
        #!/bin/sh
        [ "$1" = "-Tsvg" ] || exit 9
        printf '<svg>'; /usr/bin/wc -l | /usr/bin/tr -d ' \\n'; printf '</svg>\\n'
        """)
        let result = try Accord.run(["graph", Self.folder + "/rules.accord", "--format", "svg"], environment: ["PATH": bin])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = Fixtures.read(Self.folder + "/rules.dot").split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(result.stdout == "<svg>\(lines)</svg>\n")
    }

    /// It stops reading at once: `accord` must not die of SIGPIPE writing to it.
    @Test func aFailingDotExitsWithOneAndShowsItsMessage() throws {
        let bin = try Self.fakeDot("#!/bin/sh\necho 'syntax error in line 1' >&2\nexit 3\n")
        let result = try Accord.run(["graph", Self.folder + "/rules.accord", "--format", "svg"], environment: ["PATH": bin])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "accord: error: `dot` failed with exit status 3\nnote: syntax error in line 1\n")
    }

    /// A folder holding only an executable `dot` with this text.
    static func fakeDot(_ script: String) throws -> String {
        let folder = try Scratch.folder()
        try script.write(toFile: folder + "/dot", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/dot")
        return folder
    }

    /// Only where Graphviz is installed: CI does not need it.
    @Test(.enabled(if: Self.graphvizInstalled)) func svgIsDrawnByGraphviz() throws {
        let scratch = try Scratch.folder()
        let result = try Accord.run(["graph", Self.folder + "/rules.accord", "--format", "svg", "--output", scratch + "/g.svg"])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = Fixtures.read(scratch + "/g.svg")
        #expect(svg.contains("<svg"))
        #expect(svg.contains("border_corridor"))
        #expect(svg.contains("Corridor"))
    }

    static var graphvizInstalled: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/dot") }
    }
}

extension Accord {
    /// Runs `accord` with some environment variables replaced.
    static func run(_ arguments: [String], directory: String? = nil, environment overrides: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(overrides) { _, new in new }
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let (outData, errData) = ChildOutput.read(output: output, error: error)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
