@preconcurrency import CLibedit
import Glibc

/// Line editing on a terminal through libedit's readline-compatible API: emacs keys,
/// history (one entry per accepted entry, written to a file after each), UTF-8 input,
/// Tab completion from a `CompletionSource`, bracketed paste inserted literally, and
/// Ctrl-C that abandons the line (see `LibeditInput`).
///
/// libedit keeps a single editor in globals, so make one reader per process and use it
/// from one thread, the one that created it.
public final class LibeditLineReader: LineReader {
    private let historyPath: String?
    private let bracketedPaste: Bool

    /// - Parameters:
    ///   - historyPath: the history file to load now and write after each entry; nil for none.
    ///   - bracketedPaste: ask the terminal to mark pastes (off for `TERM=dumb`).
    ///   - completer: what Tab offers.
    public init(historyPath: String?, historySize: Int32 = 1000, bracketedPaste: Bool = true,
                completer: CompletionSource? = nil) {
        self.historyPath = historyPath
        self.bracketedPaste = bracketedPaste
        Self.useUTF8Locale()
        LibeditCompletion.source = completer
        rl_readline_name = UnsafePointer(strdup("accord"))
        rl_getc_function = libeditGetc  // before rl_initialize, which installs it
        rl_attempted_completion_function = libeditAttemptedCompletion
        rl_initialize()
        LibeditInput.bindRedisplayKey()
        stifle_history(historySize)
        if let historyPath { _ = read_history(historyPath) }
    }

    /// The completer holds the session; let it go with the reader rather than keep it in
    /// a global until exit, where LeakSanitizer, which cannot follow Swift's enum
    /// payload pointers (their spare bits hold the case), reported the session's
    /// syntax trees as leaked (docs/sanitizers.md).
    deinit {
        LibeditCompletion.source = nil
    }

    /// Whether standard input and output are both terminals: libedit edits only then
    /// (with stdout piped it leaves the tty in cooked mode and Tab does nothing).
    public static var isInteractive: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// The Swift runtime never calls setlocale, and without it libedit drops every
    /// non-ASCII byte. Use the environment's locale, or C.UTF-8 if it is not UTF-8.
    static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    public func readLine(prompt: String) -> LineInput {
        Interrupts.clear()
        LibeditInput.pushback.removeAll()
        if bracketedPaste { Self.writeOut("\u{1B}[?2004h") }
        let raw = CLibedit.readline(prompt)
        if bracketedPaste { Self.writeOut("\u{1B}[?2004l") }
        guard let raw else { return Interrupts.isInterrupted ? .interrupted : .endOfInput }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    public func addHistory(_ entry: String) {
        add_history(entry)
    }

    public func saveHistory() -> Bool {
        guard let historyPath else { return false }
        return write_history(historyPath) == 0
    }

    static func writeOut(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeMutableBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written > 0 { offset += written } else if errno != EINTR { return }
        }
    }
}
