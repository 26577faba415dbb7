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

    /// The parsed script. A block can hold only changes: one that closes the scenario
    /// early with a stray `}` and goes on with declarations is an error, not a way in.
    var unit: (SourceUnit, [Diagnostic]) {
        let parsed = Parser.parse(file)
        var diagnostics = parsed.diagnostics
        if !diagnostics.hasErrors, parsed.unit.declarations.count != 1, let stray = parsed.unit.declarations.dropFirst().first {
            diagnostics.append(.error("repl.not-a-change", "only `assert`, `modify` and `retract` can be typed with changes",
                                      at: stray.span))
        }
        return (parsed.unit, diagnostics.map(relocated))
    }

    /// A change entry holds changes only: the first declaration word outside braces
    /// (`rule`, `template`, ...) is an error of its own, clearer than the parser's.
    static func declarationError(in block: TypedText) -> Diagnostic? {
        let file = SourceFile(path: block.name, text: block.text)
        var depth = 0
        for token in Lexer.tokenize(file).tokens {
            if token.isPunctuation(.leftBrace) { depth += 1 }
            if token.isPunctuation(.rightBrace) { depth -= 1 }
            if depth <= 0, case .keyword(let keyword) = token.kind, keyword.isDeclaration {
                return .error("repl.not-a-change",
                              "`\(keyword.rawValue)` cannot follow a change: type definitions in an entry of their own",
                              at: SourceSpan(file: file, start: token.start, end: token.end))
            }
        }
        return nil
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
