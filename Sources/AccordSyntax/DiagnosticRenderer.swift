/// Renders diagnostics the way compilers do:
///
///     Rules/parks.accord:12:5: error: unknown template `Prak`
///         $p: Prak(cross_border)
///             ^~~~
///     note: did you mean `Park`?
///
/// Carets are placed by display width so that they stay under CJK text, which a
/// terminal draws two cells wide.
public struct DiagnosticRenderer: Sendable {
    public var useColor: Bool

    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = header(diagnostic.span, severity: diagnostic.severity.rawValue, message: diagnostic.message)
        if !diagnostic.span.file.bytes.isEmpty {
            out += excerpt(diagnostic.span)
        }
        for note in diagnostic.notes {
            if let span = note.span, span != diagnostic.span {
                out += header(span, severity: "note", message: note.message)
                out += excerpt(span)
            } else {
                out += paint("note:", code: "1;36") + " " + note.message + "\n"
            }
        }
        return out
    }

    private func header(_ span: SourceSpan, severity: String, message: String) -> String {
        let colour: String
        switch severity {
        case "error": colour = "1;31"
        case "warning": colour = "1;35"
        default: colour = "1;36"
        }
        return paint("\(span.position):", code: "1") + " " + paint("\(severity):", code: colour) + " " + message + "\n"
    }

    private func excerpt(_ span: SourceSpan) -> String {
        let line = ExcerptLine(span)
        let indent = String(repeating: " ", count: DisplayWidth.of(line.before.replacingTabs()))
        let width = max(1, DisplayWidth.of(line.underlined.replacingTabs()))
        let marker = "^" + String(repeating: "~", count: width - 1)
        return line.text.replacingTabs() + "\n" + indent + paint(marker, code: "1;32") + "\n"
    }

    private func paint(_ text: String, code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

private extension String {
    func replacingTabs() -> String {
        contains("\t") ? split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "    ") : self
    }
}

/// Terminal cell width of text: East Asian wide and fullwidth characters take two cells.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark {
            return 0
        }
        if value == 0x200D || (0xFE00...0xFE0F).contains(value) { return 0 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
        ]
        return wide.contains { $0.contains(value) } ? 2 : 1
    }
}
