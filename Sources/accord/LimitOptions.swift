import AccordEngine
import ArgumentParser

/// `--max-firings`, `--max-facts` and `--timeout`, which every command that runs rules
/// takes (language brief §6), with the same meaning and checks everywhere.
struct LimitOptions: ParsableArguments {
    @Option(help: "Stop with an error after this many rule firings in one run.")
    var maxFirings: Int = Engine.defaultMaxFirings

    @Option(help: ArgumentHelp(
        "Stop with an error when there would be more than this many facts: the files' own (facts blocks and CSV rows) and those rules make.",
        valueName: "n"))
    var maxFacts: Int = Engine.defaultMaxFacts

    @Option(help: "Stop with an error when the command takes longer than this many seconds, loading included.")
    var timeout: Double?

    func validate() throws {
        if maxFirings < 1 { throw ValidationError("--max-firings must be at least 1") }
        if maxFacts < 1 { throw ValidationError("--max-facts must be at least 1") }
        if let timeout, !(timeout > 0 && timeout.isFinite) { throw ValidationError("--timeout must be a positive number of seconds") }
    }
}
