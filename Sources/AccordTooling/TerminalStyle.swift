/// ANSI styling for the text report, a no-op unless enabled. Whether to enable it is
/// the caller's decision (the CLI asks when stdout is a terminal and NO_COLOR is
/// unset): renderers never look at the environment themselves.
struct TerminalStyle: Sendable {
    let isEnabled: Bool

    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }
    func rule(_ text: String) -> String { paint(text, "36") }
    func score(_ text: String) -> String { paint(text, "1;32") }

    private func paint(_ text: String, _ code: String) -> String {
        isEnabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
