import Foundation

// Benchmarks, not tests: they print figures. See each file for its usage.
//   accord-bench parse [--facts N] [--repeat R]      parse and check N generated facts
//   accord-bench engine FILE.accord [--repeat R]     load, build the network, run

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "parse": parseBenchmark(arguments)
case "engine": engineBenchmark(Array(arguments.dropFirst()))
default:
    FileHandle.standardError.write(Data("usage: accord-bench parse|engine ...\n".utf8))
    exit(2)
}
