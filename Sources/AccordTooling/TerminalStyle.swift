/// ANSI styling for text output, a no-op unless enabled. Whether to enable it is the
/// caller's decision (the CLI and the REPL ask whether stdout is a terminal and
/// NO_COLOR is unset): renderers never look at the environment themselves.
public struct TerminalStyle: Sendable {
    public let isEnabled: Bool

    public init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    public func bold(_ text: String) -> String { paint(text, "1") }
    public func dim(_ text: String) -> String { paint(text, "2") }
    public func rule(_ text: String) -> String { paint(text, "36") }
    public func score(_ text: String) -> String { paint(text, "1;32") }
    /// Diff marks, the same everywhere: green for what appears, red for what goes,
    /// yellow for a score that moves.
    public func added(_ text: String) -> String { paint(text, "32") }
    public func removed(_ text: String) -> String { paint(text, "31") }
    public func changed(_ text: String) -> String { paint(text, "33") }

    private func paint(_ text: String, _ code: String) -> String {
        isEnabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
