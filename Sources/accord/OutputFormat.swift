import AccordEngine
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

    func render(_ result: RunResult, explain: Bool, useColor: Bool, profile: RunProfile? = nil) -> String {
        switch self {
        case .text:
            let report = TextReport(explain: explain, useColor: useColor).render(result)
            return profile.map { report + "\n" + ProfileText(useColor: useColor).render($0) } ?? report
        case .json:
            // `"profile"` goes after `"stats"`; the contract's keys stay as they are.
            guard let profile, case .object(let members) = JSONReport().document(result) else {
                return JSONReport().render(result)
            }
            return JSONValue.object(members + [.init("profile", ProfileJSON.object(profile))]).rendered()
        case .markdown:
            let report = MarkdownReport(explain: explain).render(result)
            return profile.map { report + "\n## Profile\n\n```\n" + ProfileText().render($0) + "```\n" } ?? report
        }
    }
}
