import AccordFormat
import AccordTooling
import ArgumentParser

/// `accord test`'s coverage options: whether to measure what the tests exercise, in
/// which format to report it, where, and the rule coverage below which the command
/// fails. Any of the other options asks for coverage without `--coverage`.
struct CoverageOptions: ParsableArguments {
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text
        case json
    }

    @Flag(help: "Report which rules the tests fire and which conditions their matches get to and past.")
    var coverage = false

    @Option(help: ArgumentHelp("Exit with 1 when fewer than this percentage of the rules (0 to 100) are fired by tests.",
                               valueName: "percent"))
    var coverageMin: Double?

    @Option(help: "The coverage report's format: text or json.")
    var coverageFormat: Format?

    @Option(help: ArgumentHelp("Write the coverage report to this file instead of stdout.", valueName: "path"))
    var coverageOutput: String?

    var isRequested: Bool { coverage || coverageMin != nil || coverageFormat != nil || coverageOutput != nil }

    func validate() throws {
        if let coverageMin, !(0...100).contains(coverageMin) {
            throw ValidationError("--coverage-min must be a percentage from 0 to 100")
        }
    }

    /// The report in the chosen format: on stdout, or atomically into `--coverage-output`
    /// (exit 2 when it cannot be written).
    func write(_ report: CoverageReport, useColor: Bool) throws {
        let text: String
        switch coverageFormat ?? .text {
        case .text: text = CoverageText(useColor: useColor && coverageOutput == nil).render(report)
        case .json: text = CoverageJSON().render(report)
        }
        guard let coverageOutput else {
            Terminal.writeOut(text)
            return
        }
        do {
            try AtomicFile.write(text, to: coverageOutput)
        } catch {
            Terminal.writeError("accord: error: \(error.description)\n")
            throw ExitStatus.invalidInput
        }
    }

    /// Says so on stderr, and answers true, when rule coverage is below `--coverage-min`.
    func fails(_ report: CoverageReport) -> Bool {
        guard let coverageMin, report.ruleCoverage(isBelow: coverageMin) else { return false }
        Terminal.writeError("accord: error: rule coverage \(CoverageText.percent(report.ruleCoverage)) is below "
                            + "--coverage-min \(coverageMin == coverageMin.rounded() ? String(Int(coverageMin)) : "\(coverageMin)")\n")
        return true
    }
}
