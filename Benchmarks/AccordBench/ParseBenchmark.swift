import AccordCheck
import AccordSyntax
import Foundation

// Parses and checks a generated `.accord` file of N facts and reports the time per
// fact. Usage: accord-bench parse [--facts N] [--repeat R] [--write PATH]
// A benchmark, not a test: it prints figures and asserts only that the input was clean.

struct ParseOptions {
    var facts = 100_000
    var repetitions = 5
    var writePath: String?
}

func parseOptions(_ arguments: [String]) -> ParseOptions? {
    var options = ParseOptions()
    var iterator = arguments.makeIterator()
    guard iterator.next() == "parse" else { return nil }
    while let argument = iterator.next() {
        switch argument {
        case "--facts": options.facts = iterator.next().flatMap { Int($0) } ?? options.facts
        case "--repeat": options.repetitions = max(1, iterator.next().flatMap { Int($0) } ?? options.repetitions)
        case "--write": options.writePath = iterator.next()
        default: return nil
        }
    }
    return options
}

/// A policy-shaped fact file: regions with lists and numbers, spread over several templates.
func generate(facts count: Int) -> String {
    var text = """
    template Region {
      key name
      name: string
      country: string
      borders: [string] = []
      strengths: [string] = []
      trade_busd: float = 0
      population: int = 0
      coastal: bool = false
    }

    facts {

    """
    text.reserveCapacity(count * 160)
    let countries = ["CN", "RU"]
    let sectors = ["energy", "agriculture", "logistics", "tourism", "automotive", "e-commerce"]
    for index in 0..<count {
        let sector = sectors[index % sectors.count]
        let other = sectors[(index * 7 + 3) % sectors.count]
        text += "  Region { name: \"region-\(index)\", country: \"\(countries[index % 2])\", "
        text += "borders: [\"region-\(index + 1)\"], strengths: [\"\(sector)\", \"\(other)\"], "
        text += "trade_busd: \(Double(index % 1000) / 10), population: \(index * 13 % 100_000), coastal: \(index % 3 == 0) }\n"
        text += "    cite \"generated row \(index)\"\n"
    }
    text += "}\n"
    return text
}


func parseBenchmark(_ arguments: [String]) {
    guard let options = parseOptions(arguments) else {
        FileHandle.standardError.write(Data("usage: accord-bench parse [--facts N] [--repeat R] [--write PATH]\n".utf8))
        exit(2)
    }

    let text = generate(facts: options.facts)
    if let path = options.writePath {
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
    }
    let bytes = Array(text.utf8)
    var lexTimes: [Double] = []
    var parseTimes: [Double] = []
    var checkTimes: [Double] = []
    for _ in 0..<options.repetitions {
        let file = SourceFile(path: "generated.accord", bytes: bytes)
        var tokenCount = 0
        lexTimes.append(seconds { tokenCount = Lexer.tokenize(file).tokens.count })
        // Reading the count keeps the timed lexing from being optimised away.
        guard tokenCount > options.facts else {
            FileHandle.standardError.write(Data("generated input lexed to too few tokens\n".utf8))
            exit(1)
        }
        var parsed: Parser.Output?
        parseTimes.append(seconds { parsed = Parser.parse(file) })
        guard let parsed, parsed.diagnostics.isEmpty else {
            FileHandle.standardError.write(Data("generated input did not parse cleanly\n".utf8))
            exit(1)
        }
        var result: CheckResult?
        let program = Program(units: [parsed.unit])
        checkTimes.append(seconds { result = Checker().check(program) })
        guard let result, !result.diagnostics.hasErrors, result.model.facts.count == options.facts else {
            FileHandle.standardError.write(Data("generated input did not check cleanly\n".utf8))
            exit(1)
        }
    }


    let lex = median(lexTimes)
    let parse = median(parseTimes)
    let check = median(checkTimes)
    let perFact = { (time: Double) in time / Double(options.facts) * 1e6 }
    print("parse+check \(options.facts) facts (\(bytes.count / 1024) KiB), median of \(options.repetitions)")
    print(String(format: "  lex    %8.1f ms  %6.2f µs/fact  (part of parse)", lex * 1e3, perFact(lex)))
    print(String(format: "  parse  %8.1f ms  %6.2f µs/fact", parse * 1e3, perFact(parse)))
    print(String(format: "  check  %8.1f ms  %6.2f µs/fact", check * 1e3, perFact(check)))
    print(String(format: "  total  %8.1f ms  %6.2f µs/fact", (parse + check) * 1e3, perFact(parse + check)))
}
