import AccordEngine
import AccordSyntax

/// The text output of `accord test`: one line per test, a failure's evidence indented
/// under it, and the summary line scripts read.
///
///     ✓ the corridor needs an agreement  rules/tests.accord:3
///     ✗ the hub advice is strong  rules/tests.accord:8
///         expect recommend park_tech_transfer_hub for "Heilongjiang" with score >= 0.9
///           expected: a recommendation of park_tech_transfer_hub for "Heilongjiang" with score >= 0.9
///           actual: park_tech_transfer_hub recommended:
///             for "Jilin", score 0.76
///             for "Heilongjiang", score 0.72
///
///     1 passed, 1 failed
///
/// A client that runs tests one by one prints `block(_:)` for each as it finishes and
/// `summary(_:)` at the end; `render(_:)` does both at once.
public struct PolicyTestReport: Sendable {
    public var useColor: Bool

    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    public func render(_ results: [PolicyTestResult], filter: String? = nil) -> String {
        if results.isEmpty { return nothingSelected(filter: filter) + summary(results) }
        return results.map(block).joined() + "\n" + summary(results)
    }

    /// The test's line, then, when it failed, why.
    public func block(_ result: PolicyTestResult) -> String {
        let style = TestStyle(isEnabled: useColor)
        let mark = result.passed ? style.passed("✓") : style.failed("✗")
        var out = "\(mark) \(result.name)  \(style.dim(result.location))\n"
        switch result.outcome {
        case .passed:
            break
        case .failed(let failures):
            for failure in failures {
                out += FailureText(style: style, useColor: useColor).render(failure)
            }
        case .givenFailed(let error):
            out += FailureText(style: style, useColor: useColor).render(error, indent: "    ")
        }
        return out
    }

    /// Exactly `N passed, N failed`: the last line, for scripts.
    public func summary(_ results: [PolicyTestResult]) -> String {
        let passed = results.filter(\.passed).count
        return "\(passed) passed, \(results.count - passed) failed\n"
    }

    /// Said instead of the test lines when no test ran.
    public func nothingSelected(filter: String?) -> String {
        guard let filter, !filter.isEmpty else { return "no tests found\n\n" }
        return "no test name contains `\(filter)`\n\n"
    }
}

/// ANSI colours for the test report: green passes, red failures, dim locations. A no-op
/// unless enabled; the CLI enables it only for a terminal without NO_COLOR.
struct TestStyle {
    let isEnabled: Bool

    func passed(_ text: String) -> String { paint(text, "1;32") }
    func failed(_ text: String) -> String { paint(text, "1;31") }
    func dim(_ text: String) -> String { paint(text, "2") }

    private func paint(_ text: String, _ code: String) -> String {
        isEnabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
