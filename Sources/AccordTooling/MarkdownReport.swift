import AccordCheck
import AccordEngine

/// `accord run --format markdown`: a report to paste into a document. A title, the
/// run in one sentence, a summary table, then a section per recommendation with its
/// details, tags and citation, and (with `explain`) the supporting facts as nested
/// lists. Text from the rules is escaped so that a `*` or `|` in a recommendation
/// cannot turn into markup or break the table.
public struct MarkdownReport: Sendable {
    public var explain: Bool
    public var title: String

    public init(explain: Bool = false, title: String = "Recommendations") {
        self.explain = explain
        self.title = title
    }

    public func render(_ result: RunResult) -> String {
        var out = "# \(Markdown.escaped(title))\n\n"
        let statistics = result.statistics
        out += result.summary(text: Markdown.escaped, code: Markdown.code) + ": " + ReportText.plural(statistics.facts, "fact") + ", "
            + ReportText.plural(statistics.firings, "firing") + ".\n"
        guard !result.recommendations.isEmpty else {
            return out + "\n" + Markdown.escaped(result.emptyLine) + "\n"
        }
        out += "\n" + table(result.recommendations)
        for recommendation in result.recommendations {
            out += "\n" + section(recommendation)
        }
        return out
    }

    private func table(_ recommendations: [RecommendationResult]) -> String {
        var out = "| Rank | Score | Subject | Recommendation | Rule |\n| ---: | ---: | --- | --- | --- |\n"
        for recommendation in recommendations {
            let cells = [String(recommendation.rank), ReportText.score(recommendation.score),
                         Markdown.escaped(recommendation.subject), Markdown.escaped(recommendation.text),
                         Markdown.code(recommendation.rule)]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }

    private func section(_ recommendation: RecommendationResult) -> String {
        var out = "## \(recommendation.rank). \(Markdown.escaped(recommendation.text))\n\n"
        if !recommendation.subject.isEmpty {
            out += "- **Subject:** \(Markdown.escaped(recommendation.subject))\n"
        }
        out += "- **Score:** \(ReportText.score(recommendation.score))\n"
        out += "- **Rule:** \(Markdown.code(recommendation.rule))\n"
        if !recommendation.category.isEmpty {
            out += "- **Category:** \(Markdown.escaped(recommendation.category))\n"
        }
        if !recommendation.tags.isEmpty {
            out += "- **Tags:** \(recommendation.tags.map(Markdown.escaped).joined(separator: ", "))\n"
        }
        if !recommendation.details.isEmpty {
            out += "- **Details:**\n"
            for detail in recommendation.details {
                out += "  - \(Markdown.escaped(detail.name)): \(Markdown.escaped(plain(detail.value)))\n"
            }
        }
        if let cite = recommendation.cite {
            out += "- **Cite:** \(Markdown.escaped(cite))\n"
        }
        if explain {
            out += "\n**Because:**\n\n" + supports(recommendation.because, indent: "")
            for item in ExplanationText.items(recommendation) {
                out += "- " + Markdown.code(item.headline) + "\n" + supports(item.facts, indent: "  ")
                if item.more > 0 { out += "  - … and \(item.more) more\n" }
            }
        }
        return out
    }

    /// Facts in the language's own notation as code, so they can be searched for in
    /// the rule files; a derived fact nests the rule that derived it and its supports.
    private func supports(_ supports: [Support], indent: String) -> String {
        var out = ""
        for support in supports {
            out += indent + "- " + Markdown.code(ExplanationText.fact(support))
            if let cite = support.cite { out += " (cite: \(Markdown.escaped(cite)))" }
            out += "\n"
            if let derivation = support.derivedBy {
                let from = derivation.because.isEmpty ? "" : " from:"
                out += indent + "  - derived by rule \(Markdown.code(derivation.rule))\(from)\n"
                out += self.supports(derivation.because, indent: indent + "    ")
            }
        }
        return out
    }

    /// Details for a reader rather than a parser: strings without quotes, lists as
    /// comma-separated items.
    private func plain(_ value: Value) -> String {
        switch value {
        case .string(let text): text
        case .list(let elements): elements.map(plain).joined(separator: ", ")
        case .int, .float, .bool: value.description
        }
    }
}

/// Markdown spelling helpers.
enum Markdown {
    /// Backslash-escapes the characters that start markup inline, and folds line
    /// breaks into spaces so that a value cannot end a table row or a list item.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#":
                out += "\\" + String(character)
            default:
                out.append(character.isNewline ? " " : character)
            }
        }
        return out
    }

    /// Inline code; a longer fence when the text itself holds backticks.
    static func code(_ text: String) -> String {
        let flat = String(text.map { $0.isNewline ? " " : $0 })
        guard flat.contains("`") else { return "`\(flat)`" }
        return "`` \(flat) ``"
    }
}
