import ArgumentParser

/// `--format` of `whatif` and `sweep`: a report for a person, or JSON for a program.
enum DiffFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case json

    /// As with `run`: `print` lines go to stdout beside a text report, to stderr when
    /// stdout carries JSON.
    var printsToStandardOutput: Bool {
        switch self {
        case .text: true
        case .json: false
        }
    }
}
