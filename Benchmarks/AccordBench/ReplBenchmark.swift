import AccordRepl
import Foundation

/// How long `accord repl PATHS` takes to show its prompt (load, check, build, run: the
/// `ReplSession` initializer), then how long a typed change (undone again) and a typed
/// rule take to answer. Usage: accord-bench repl PATH... [--repeat R] [--change TEXT]
///
///     accord-bench repl Rules --change 'modify Region["Jilin"] { border_km: 2000 }'
func replBenchmark(_ arguments: [String]) {
    var paths: [String] = []
    var repetitions = 5
    var change = ":recs"
    var index = 0
    while index < arguments.count {
        if arguments[index] == "--repeat", index + 1 < arguments.count, let count = Int(arguments[index + 1]) {
            repetitions = max(1, count)
            index += 2
        } else if arguments[index] == "--change", index + 1 < arguments.count {
            change = arguments[index + 1]
            index += 2
        } else {
            paths.append(arguments[index])
            index += 1
        }
    }
    guard !paths.isEmpty else {
        FileHandle.standardError.write(Data("usage: accord-bench repl PATH... [--repeat R]\n".utf8))
        exit(2)
    }
    var startups: [Double] = []
    var changes: [Double] = []
    var definitions: [Double] = []
    var summary = ""
    for _ in 0..<repetitions {
        var session: ReplSession?
        startups.append(seconds { session = ReplSession(paths: paths) })
        guard let session else { exit(1) }
        if !session.startupReply.diagnostics.isEmpty {
            FileHandle.standardError.write(Data(session.startupReply.diagnostics.utf8))
        }
        summary = session.startupReply.output.trimmingCharacters(in: .newlines)
        var reply = ReplReply()
        changes.append(seconds { reply = session.handle(change, isCancelled: { false }) })
        if !reply.diagnostics.isEmpty { FileHandle.standardError.write(Data(reply.diagnostics.utf8)) }
        _ = session.handle(":undo", isCancelled: { false })
        let rule = "rule bench_probe__ { when $r: Recommendation(score > 2) then print \"{$r.subject}\" }"
        definitions.append(seconds { _ = session.handle(rule, isCancelled: { false }) })
    }
    print(summary)
    print(String(format: "startup (prompt ready): median %.1f ms, min %.1f ms over %d", median(startups) * 1000,
                 (startups.min() ?? 0) * 1000, repetitions))
    print(String(format: "%@: median %.1f ms", change, median(changes) * 1000))
    print(String(format: "typed rule (re-check, rebuild, replay, run): median %.1f ms", median(definitions) * 1000))
}
