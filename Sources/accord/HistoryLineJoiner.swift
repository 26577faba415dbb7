import AccordSyntax

/// Joins a multi-line entry onto one line for the history. Line breaks separate items
/// in Accord, so each one becomes `; ` where it ended an item and a space where it
/// cannot have (after `{`, `(`, `[`, `,`, `when` or `then`, before a closer), and a
/// `//` comment becomes a `/* */` one. The result is kept only when it parses without
/// errors to the same program as the entry (`SyntaxDump.sameProgram`), changes and
/// what-ifs compared as a scenario's body; an entry the guess gets wrong stays as typed
/// (still one history entry, shown over several rows when recalled).
enum HistoryLineJoiner {
    static func join(_ entry: String) -> String? {
        let lines = entry.split(separator: "\n", omittingEmptySubsequences: false)
            .map { commented(String($0)) }
            .filter { !$0.code.isEmpty || $0.note != nil }
        guard lines.count > 1 else { return nil }
        var joined = ""
        var previousCode = ""
        for line in lines {
            if !joined.isEmpty, !line.code.isEmpty {
                joined += previousCode.isEmpty || !needsSeparator(after: previousCode, before: line.code) ? " " : "; "
            } else if !joined.isEmpty {
                joined += " "
            }
            joined += line.code
            if let note = line.note { joined += (line.code.isEmpty ? "" : " ") + note }
            if !line.code.isEmpty { previousCode = line.code }
        }
        guard sameProgram(entry, joined) else { return nil }
        return joined
    }

    static func needsSeparator(after previous: String, before next: String) -> Bool {
        if let last = previous.last, "{([,;".contains(last) { return false }
        if let first = next.first, "})],".contains(first) { return false }
        for keyword in ["when", "then"] where previous.hasSuffix(keyword) {
            guard let before = previous.dropLast(keyword.count).last else { return false }
            if !before.isLetter, !before.isNumber, before != "_" { return false }
        }
        return true
    }

    /// A line's code and its `//` comment as a `/* */` one. A `//` inside a string (the
    /// scan is rough) makes a different program, which `sameProgram` then rejects.
    static func commented(_ line: String) -> (code: String, note: String?) {
        var inString = false
        var previous: Character?
        for index in line.indices {
            let character = line[index]
            if character == "\"", previous != "\\" { inString.toggle() }
            if !inString, character == "/", previous == "/" {
                let code = line[..<line.index(before: index)].trimmingSpaces()
                let note = line[line.index(after: index)...].trimmingSpaces()
                if note.isEmpty { return (code, nil) }
                // A note holding `*/` cannot become a block comment: keep it, and fail the check.
                return (code, note.contains("*/") ? "// " + note : "/* " + note + " */")
            }
            previous = previous == "\\" && character == "\\" ? nil : character
        }
        return (line.trimmingSpaces(), nil)
    }

    /// Whether both texts parse, without errors, to the same declarations: as they are,
    /// or, for changes and what-ifs, as the body of a scenario.
    static func sameProgram(_ original: String, _ joined: String) -> Bool {
        let wrappings: [(String) -> String] = [
            { $0 },
            { "scenario __history__ {\n" + $0 + "\n}" },
            { $0.hasPrefix("whatif") ? "scenario __history__" + $0.dropFirst("whatif".count) : "" },
        ]
        return wrappings.contains { wrap in
            let before = Parser.parse(SourceFile(path: "<entry>", text: wrap(original)))
            let after = Parser.parse(SourceFile(path: "<entry>", text: wrap(joined)))
            guard !before.diagnostics.hasErrors, !after.diagnostics.hasErrors,
                  !before.unit.declarations.isEmpty else { return false }
            return SyntaxDump.sameProgram(before.unit, after.unit)
        }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
