import AccordSyntax
import Foundation
import LineEditing

/// The REPL's history file: `$XDG_STATE_HOME/accord/history`, else
/// `~/.local/state/accord/history`, in libedit's format, rewritten after every entry.
/// A history that cannot be written is reported once and otherwise ignored.
struct ReplHistory {
    let path: String
    private var warned = false

    init?(environment: [String: String]) {
        // The XDG spec ignores a relative XDG_STATE_HOME.
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            path = state + "/accord/history"
        } else if let home = environment["HOME"], !home.isEmpty {
            path = home + "/.local/state/accord/history"
        } else {
            return nil
        }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// Adds `entry` as one history entry and writes the file.
    mutating func record(_ entry: String, in reader: LineReader) {
        reader.addHistory(Self.historyLine(entry))
        if !reader.saveHistory(), !warned {
            warned = true
            Terminal.writeError("accord: warning: cannot write the history file `\(path)`; this session's history will not be kept\n")
        }
    }

    /// The entry as it goes into the history: a multi-line entry joined onto one line
    /// when that provably means the same (libedit recalls a multi-line entry over several
    /// rows and redraws it badly), else as typed, still one entry.
    static func historyLine(_ entry: String) -> String {
        // Completion leaves a space after a word; the recalled line need not keep it.
        var typed = entry
        while let last = typed.last, last.isWhitespace { typed.removeLast() }
        return HistoryLineJoiner.join(typed) ?? typed
    }
}
