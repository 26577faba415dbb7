import AccordTooling
import ArgumentParser

/// `--format` of `run`: which renderer writes stdout.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case json
    case markdown

    /// Only the text report is for a person at a terminal; JSON and Markdown are read by
    /// programs and documents, so `print` actions go to stderr to keep them intact.
    var printsToStandardOutput: Bool {
        switch self {
        case .text: true
        case .json, .markdown: false
        }
    }

    func render(_ result: RunResult, explain: Bool, useColor: Bool) -> String {
        switch self {
        case .text: TextReport(explain: explain, useColor: useColor).render(result)
        case .json: JSONReport().render(result)
        case .markdown: MarkdownReport(explain: explain).render(result)
        }
    }
}
