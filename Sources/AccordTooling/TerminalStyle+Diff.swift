extension TerminalStyle {
    func mark(_ mark: DiffMark, _ text: String) -> String {
        switch mark {
        case .added: added(text)
        case .removed: removed(text)
        case .changed: changed(text)
        }
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
