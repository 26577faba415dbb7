/// Colours of diff marks, the same in `whatif` and `sweep`: green for what appears, red
/// for what goes, yellow for a score that moves.
extension TerminalStyle {
    func added(_ text: String) -> String { diffPaint(text, "32") }
    func removed(_ text: String) -> String { diffPaint(text, "31") }
    func changed(_ text: String) -> String { diffPaint(text, "33") }

    func mark(_ mark: DiffMark, _ text: String) -> String {
        switch mark {
        case .added: added(text)
        case .removed: removed(text)
        case .changed: changed(text)
        }
    }

    private func diffPaint(_ text: String, _ code: String) -> String {
        isEnabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// Which part of a diff an entry belongs to, and the sign that shows it.
enum DiffMark {
    case added, removed, changed

    var sign: String {
        switch self {
        case .added: "+"
        case .removed: "-"
        case .changed: "~"
        }
    }
}
