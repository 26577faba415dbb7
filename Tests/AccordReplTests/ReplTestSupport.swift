import AccordRepl
import Foundation
import Testing

/// Paths and helpers shared by the REPL session tests.
enum ReplFixture {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let root = testsFolder.deletingLastPathComponent()
    /// The small cross-border rule base of the `accord run` goldens: 4 rules, 1 scenario.
    static let rules = testsFolder.appendingPathComponent("Fixtures/run/rules").path
    /// The article's rule base.
    static let articleRules = root.appendingPathComponent("Rules").path

    static func session(_ paths: [String] = [rules]) -> ReplSession {
        ReplSession(paths: paths)
    }

    /// A fresh folder under the temporary directory, removed by the caller.
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "accord-repl-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String) {
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}

extension ReplSession {
    /// Handles an entry that is never cancelled.
    @discardableResult
    func enter(_ entry: String) -> ReplReply {
        handle(entry, isCancelled: { false })
    }

    /// What a person would compare to see that nothing changed: every fact, the ranked
    /// list, and the prompt (the branch).
    var snapshot: Snapshot {
        Snapshot(facts: enter(":facts").output, recommendations: enter(":recs").output, prompt: prompt)
    }
}

struct Snapshot: Equatable, CustomStringConvertible {
    let facts: String
    let recommendations: String
    let prompt: String

    var description: String { "prompt \(prompt)\n\(facts)\n\(recommendations)" }

    /// The ranked list without its summary line, which names the files.
    var rankedBody: String {
        recommendations.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
    }

    /// The facts as a sorted set of lines, for sessions that made them in another order.
    var factLines: [String] {
        facts.split(separator: "\n").map(String.init).sorted()
    }
}
