import AccordEngine

/// The readable ranked report of `accord run`, for a person at a terminal:
///
///     3 recommendations from 3 rules (rules)
///
///     1  0.80  Jilin
///        Upgrade Silk Road Innovation Park into a technology-transfer hub
///        rule: park_tech_transfer_hub (innovation; tags: innovation, parks)
///        cite: China Daily, 2025-05-10
///
/// With `explain`, each recommendation is followed by the tree of facts that support
/// it; a derived fact shows the rule that derived it and that rule's own supports,
/// down to the facts of the files. The same records feed JSON's `because`.
public struct TextReport: Sendable {
    public var explain: Bool
    public var useColor: Bool

    public init(explain: Bool = false, useColor: Bool = false) {
        self.explain = explain
        self.useColor = useColor
    }

    public func render(_ result: RunResult) -> String {
        let style = TerminalStyle(isEnabled: useColor)
        var out = style.bold(result.summaryLine) + "\n"
        guard !result.recommendations.isEmpty else {
            return out + "\n" + result.emptyLine + "\n"
        }
        let rankWidth = String(result.recommendations.map(\.rank).max() ?? 1).count
        for recommendation in result.recommendations {
            out += "\n" + block(recommendation, rankWidth: rankWidth, style: style)
        }
        return out
    }

    /// One recommendation: the rank and score in a margin, everything else indented
    /// under the subject so the eye can run down the margin.
    private func block(_ recommendation: RecommendationResult, rankWidth: Int, style: TerminalStyle) -> String {
        let rank = String(repeating: " ", count: rankWidth - String(recommendation.rank).count) + String(recommendation.rank)
        let margin = String(repeating: " ", count: rankWidth + 2)
        let subject = recommendation.subject.isEmpty ? "(no subject)" : recommendation.subject
        var out = "\(rank)  \(style.score(ReportText.score(recommendation.score)))  \(style.bold(subject))\n"
        out += margin + recommendation.text + "\n"
        out += margin + style.dim("rule: ") + style.rule(recommendation.rule) + classification(recommendation) + "\n"
        if !recommendation.details.isEmpty {
            out += margin + style.dim("details:") + "\n"
            for detail in recommendation.details {
                out += margin + "  " + ReportText.detail(detail) + "\n"
            }
        }
        if let cite = recommendation.cite {
            out += margin + style.dim("cite: " + cite) + "\n"
        }
        if explain {
            out += margin + style.dim("because:") + "\n"
            out += supports(recommendation.because, indent: margin + "  ", style: style)
            for item in ExplanationText.items(recommendation) {
                out += margin + "  " + item.headline + "\n"
                out += supports(item.facts, indent: margin + "    ", style: style)
                if item.more > 0 { out += margin + "    " + style.dim("… and \(item.more) more") + "\n" }
            }
        }
        return out
    }

    /// "(innovation; tags: innovation, parks)", or less when a part is missing.
    private func classification(_ recommendation: RecommendationResult) -> String {
        var parts: [String] = []
        if !recommendation.category.isEmpty { parts.append(recommendation.category) }
        if !recommendation.tags.isEmpty { parts.append("tags: " + recommendation.tags.joined(separator: ", ")) }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }

    /// Each fact on its line; its cite and, for a derived fact, the deriving rule one
    /// step in; that rule's supports one step further, recursively.
    private func supports(_ supports: [Support], indent: String, style: TerminalStyle) -> String {
        var out = ""
        for support in supports {
            out += indent + ExplanationText.fact(support) + "\n"
            if let cite = support.cite {
                out += indent + "  " + style.dim("cite: " + cite) + "\n"
            }
            if let derivation = support.derivedBy {
                let from = derivation.because.isEmpty ? "" : " from:"
                out += indent + "  " + style.dim("derived by rule ") + style.rule(derivation.rule) + style.dim(from) + "\n"
                out += self.supports(derivation.because, indent: indent + "    ", style: style)
            }
        }
        return out
    }
}
