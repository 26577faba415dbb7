/// What one read at the prompt gave: a line (without its line break), an abandoned
/// input (Ctrl-C), or the end of input (Ctrl-D on an empty line, or end of a script).
public enum LineInput: Sendable, Equatable {
    case line(String)
    case interrupted
    case endOfInput
}

/// Where lines come from: the libedit editor on a terminal, plain reads otherwise.
/// Readers run on one thread (libedit keeps one editor per process).
public protocol LineReader: AnyObject {
    /// Reads one line after `prompt` (plain readers print no prompt).
    func readLine(prompt: String) -> LineInput

    /// Records an accepted entry so Up recalls it.
    func addHistory(_ entry: String)

    /// Writes the history file; false when it cannot be written (or there is none).
    func saveHistory() -> Bool
}

extension LineReader {
    /// Reads one entry: a first line after `prompt`, then more lines after
    /// `continuationPrompt` while `isComplete` says the pending text is still open.
    /// The lines are joined with line breaks. Ctrl-C anywhere abandons the whole entry;
    /// the end of input inside an open entry hands over what there is (so its error can
    /// be shown), and the next read reports the end.
    public func readEntry(prompt: String, continuationPrompt: String,
                          isComplete: (String) -> Bool) -> LineInput {
        var lines: [String] = []
        while true {
            switch readLine(prompt: lines.isEmpty ? prompt : continuationPrompt) {
            case .line(let line):
                lines.append(line)
                let pending = lines.joined(separator: "\n")
                if isComplete(pending) { return .line(pending) }
            case .interrupted:
                return .interrupted
            case .endOfInput:
                return lines.isEmpty ? .endOfInput : .line(lines.joined(separator: "\n"))
            }
        }
    }
}

/// What Tab offers: `candidates` replace the text from character `replaceFrom`
/// (a `Character` offset into the line) up to the cursor.
public struct LineCompletion: Sendable, Equatable {
    public var replaceFrom: Int
    public var candidates: [String]

    public init(replaceFrom: Int, candidates: [String]) {
        self.replaceFrom = replaceFrom
        self.candidates = candidates
    }
}

/// The hook Tab calls: the whole line and the cursor as a `Character` offset.
public typealias CompletionSource = (_ line: String, _ cursor: Int) -> LineCompletion
