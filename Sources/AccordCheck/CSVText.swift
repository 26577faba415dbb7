import AccordSyntax

/// Checks that a CSV file is text before its values are read. CSV.swift would read
/// invalid UTF-8 as U+FFFD, a NUL byte as part of a cell, and an unclosed quote as a
/// cell running to the end of the file; each would load wrong facts without a word.
/// Each is reported at its own line and column instead, and the file loads no fact.
enum CSVText {
    static func problem(in file: SourceFile, layout: CSVLayout) -> Diagnostic? {
        if let bad = file.firstInvalidUTF8Offset() {
            return .error("check.csv-invalid-utf8", "invalid UTF-8 at byte \(bad)",
                          at: SourceSpan(file: file, start: bad, end: bad + 1),
                          notes: [.init("save the file as UTF-8 text (a spreadsheet's \"CSV UTF-8\" export)")])
        }
        if let nul = file.firstNULOffset() {
            return .error("check.csv-nul-byte", "NUL byte at byte \(nul): a CSV file is text",
                          at: SourceSpan(file: file, start: nul, end: nul + 1))
        }
        if let quote = layout.unterminatedQuote {
            return .error("check.csv-unterminated-quote", "quoted cell is never closed: it runs to the end of the file",
                          at: SourceSpan(file: file, start: quote, end: quote + 1),
                          notes: [.init("inside quotes, write a quote as `\"\"`")])
        }
        return nil
    }
}
