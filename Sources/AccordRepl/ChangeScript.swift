import AccordCheck
import AccordSyntax

/// The change blocks of a session as one scenario the checker can follow (so a
/// `modify` of a fact asserted three entries ago is known), with a way back from the
/// scenario's text to each block's own name and lines for diagnostics.
struct ChangeScript {
    static let scenarioName = "__repl_session"

    struct Piece {
        let file: SourceFile
        let start: Int
        let length: Int
    }

    let file: SourceFile
    let pieces: [Piece]

    init(blocks: [TypedText]) {
        var text = "scenario \(ChangeScript.scenarioName) {\n"
        var pieces: [Piece] = []
        for block in blocks {
            let start = text.utf8.count
            text += block.text
            pieces.append(Piece(file: SourceFile(path: block.name, text: block.text), start: start, length: block.text.utf8.count))
            text += "\n"
        }
        text += "}\n"
        file = SourceFile(path: "<repl session>", text: text)
        self.pieces = pieces
    }

    var unit: (SourceUnit, [Diagnostic]) {
        let parsed = Parser.parse(file)
        return (parsed.unit, parsed.diagnostics.map(relocated))
    }

    /// The index of the block a change was written in.
    func block(of span: SourceSpan) -> Int? {
        guard span.file === file else { return nil }
        return pieces.lastIndex { $0.start <= span.start }
    }

    func relocated(_ span: SourceSpan) -> SourceSpan {
        guard span.file === file, !pieces.isEmpty else { return span }
        let piece = pieces.last { $0.start <= span.start } ?? pieces[0]
        let start = min(max(0, span.start - piece.start), piece.length)
        let end = min(max(start, span.end - piece.start), piece.length)
        return SourceSpan(file: piece.file, start: start, end: end)
    }

    func relocated(_ diagnostic: Diagnostic) -> Diagnostic {
        Diagnostic(diagnostic.severity, diagnostic.code, diagnostic.message, at: relocated(diagnostic.span),
                   notes: diagnostic.notes.map { Diagnostic.Note($0.message, span: $0.span.map(relocated)) })
    }
}

/// One check of a whole session: the loaded files, the definitions and the change
/// blocks, as the checker sees them.
struct SessionCheck {
    let model: CheckedProgram?
    let diagnostics: [Diagnostic]
    let script: ChangeScript
    /// The changes of each block, in order.
    let blockChanges: [[Change]]

    init(units: [SourceUnit], blocks: [TypedText]) {
        let script = ChangeScript(blocks: blocks)
        self.script = script
        let (scriptUnit, syntax) = script.unit
        guard !syntax.hasErrors else {
            model = nil
            diagnostics = syntax
            blockChanges = []
            return
        }
        let checked = Checker().check(Program(units: units + [scriptUnit]))
        diagnostics = checked.diagnostics.map(script.relocated).sortedByLocation()
        var changes = Array(repeating: [Change](), count: blocks.count)
        if let scenario = checked.model.scenario(named: ChangeScript.scenarioName) {
            for change in scenario.changes {
                if let index = script.block(of: change.span) { changes[index].append(change) }
            }
        }
        blockChanges = changes
        model = checked.hasErrors ? nil : checked.model
    }
}
