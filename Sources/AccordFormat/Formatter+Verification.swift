import AccordSyntax

extension Formatter {
    enum Outcome {
        case formatted(String)
        /// The output failed a safety check; the reason says which.
        case declined(String)
    }

    /// Formats a unit that parsed without errors, then proves the result before
    /// handing it out: every comment was placed, the output parses without errors to
    /// the same tree, and it holds the same comments (counted, and compared as text).
    /// Anything else is a formatter bug, and the caller keeps the input as it is
    /// rather than lose text.
    static func checkedFormat(_ unit: SourceUnit) -> Outcome {
        let printer = Printer(unit)
        let text = printer.printUnit()
        guard printer.placer.allPlaced else {
            let lost = printer.placer.comments.count - printer.placer.placedCount
            return .declined("\(lost) comment(s) would be lost")
        }
        let reparsed = Parser.parse(SourceFile(path: unit.file.path, text: text))
        if let error = reparsed.diagnostics.first(where: { $0.severity == .error }) {
            let location = error.span.startLocation
            return .declined("the formatted text has a syntax error at \(location.line):\(location.column): \(error.message)")
        }
        guard reparsed.unit.comments.count == unit.comments.count,
              commentTexts(reparsed.unit) == commentTexts(unit) else {
            return .declined("the formatted text would not keep the same comments")
        }
        guard SyntaxDump.dump(reparsed.unit) == SyntaxDump.dump(unit) else {
            return .declined("the formatted text would parse to a different program")
        }
        return .formatted(text)
    }

    /// The comments' texts as the formatter writes them, in a fixed order.
    static func commentTexts(_ unit: SourceUnit) -> [String] {
        unit.comments.map(LineWriter.normalized).sorted()
    }
}
