import Foundation

// Benchmarks, not tests: they print figures. See each file for its usage.
//   accord-bench parse [--facts N] [--repeat R]      parse and check N generated facts
//   accord-bench engine FILE.accord [--repeat R]     load, build the network, run
//   accord-bench whatif FILE.accord [--changes N] [--seed S]
//                                                    timed single-fact what-ifs, sweep, checkpoints
//   accord-bench repl PATH... [--repeat R] [--change TEXT]
//                                                    the REPL's startup (time to the prompt), a change, a rule

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "parse": parseBenchmark(arguments)
case "engine": engineBenchmark(Array(arguments.dropFirst()))
case "whatif": whatIfBenchmark(Array(arguments.dropFirst()))
case "repl": replBenchmark(Array(arguments.dropFirst()))
default:
    FileHandle.standardError.write(Data("usage: accord-bench parse|engine|whatif|repl ...\n".utf8))
    exit(2)
}
