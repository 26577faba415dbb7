import AccordCheck
import AccordEngine
import Foundation

/// Loads a rule file, builds the network with its facts, and runs it to quiescence,
/// timing each stage. Usage: accord-bench engine FILE.accord [--repeat R] [--profile]
/// (`--profile` runs with the profiler on, as `accord run --profile` does).
func engineBenchmark(_ arguments: [String]) {
    guard let path = arguments.first else {
        FileHandle.standardError.write(Data("usage: accord-bench engine FILE.accord [--repeat R] [--profile]\n".utf8))
        exit(2)
    }
    var repetitions = 3
    if let index = arguments.firstIndex(of: "--repeat"), index + 1 < arguments.count, let count = Int(arguments[index + 1]) {
        repetitions = max(1, count)
    }
    let profile = arguments.contains("--profile")
    var analyzeTimes: [Double] = []
    var buildTimes: [Double] = []
    var runTimes: [Double] = []
    var summary = ""
    for _ in 0..<repetitions {
        var analysis: Frontend.Analysis?
        analyzeTimes.append(seconds { analysis = Frontend.analyze(paths: [path]) })
        guard let analysis, let model = analysis.model, !analysis.hasErrors else {
            FileHandle.standardError.write(Data("\(path) has errors\n".utf8))
            exit(1)
        }
        var engine: Engine?
        var lines = 0
        do {
            try buildTimes.append(seconds { engine = try Engine(program: model, print: { _ in lines += 1 }, profile: profile) })
            guard let engine else { exit(1) }
            try runTimes.append(seconds { try engine.run() })
            let stats = engine.statistics
            summary = "\(stats.facts) facts, \(stats.recommendations) recommendations, \(stats.firings) firings, \(lines) printed lines"
        } catch {
            FileHandle.standardError.write(Data("engine error: \(error)\n".utf8))
            exit(1)
        }
    }
    print("\(path): \(summary); median of \(repetitions)\(profile ? "; profiling" : "")")
    print(String(format: "  parse+check  %8.1f ms", median(analyzeTimes) * 1e3))
    print(String(format: "  build+load   %8.1f ms", median(buildTimes) * 1e3))
    print(String(format: "  run          %8.1f ms", median(runTimes) * 1e3))
    print(String(format: "  peak RSS     %8.1f MiB", peakMemoryMiB()))
}
