import AccordSyntax

extension Formatter {
    /// One formatting pass over one file. The syntax-specific parts live in the
    /// `Formatter+Declarations`, `+Rules` and `+Scenarios` extensions; this file holds
    /// what they share: printing a sequence of items with their comments and blank
    /// lines, and the two block shapes (`head {` items `}`, and records that fit on one
    /// line).
    final class Printer {
        var writer = LineWriter()
        var placer: CommentPlacer
        let tokens: SourceTokens
        let unit: SourceUnit

        init(_ unit: SourceUnit) {
            self.unit = unit
            self.placer = CommentPlacer(comments: unit.comments, bytes: unit.file.bytes)
            self.tokens = SourceTokens(file: unit.file)
        }

        /// Something printed as a whole at one level: a declaration, a clause, a
        /// condition, a field. `range` is the source text it covers.
        struct Item {
            let range: Range<Int>
            let render: () -> Void

            init(_ start: Int, _ end: Int, render: @escaping () -> Void) {
                self.range = start..<max(start, end)
                self.render = render
            }

            init(_ span: SourceSpan, render: @escaping () -> Void) {
                self.init(span.start, span.end, render: render)
            }
        }

        /// Prints items in the given order at `level`, each with the comments that lead
        /// it, trail it or sit inside it (see `CommentPlacer`), then the comments left
        /// before the block's end. The user's blank lines between items are kept, at
        /// most one; `topLevel` puts exactly one blank line before every declaration.
        func items(_ items: [Item], level: Int, open: Int, close: Int, topLevel: Bool = false) {
            let sourceOrder = items.indices.sorted { items[$0].range.lowerBound < items[$1].range.lowerBound }
            var rank = Array(repeating: 0, count: items.count)
            for (position, index) in sourceOrder.enumerated() { rank[index] = position }
            for (index, item) in items.enumerated() {
                let position = rank[index]
                let previousEnd: Int? = position > 0 ? items[sourceOrder[position - 1]].range.upperBound : (topLevel ? nil : open)
                let regionStart = min(previousEnd ?? open, item.range.lowerBound)
                let next = position + 1 < items.count ? items[sourceOrder[position + 1]].range.lowerBound : close
                if topLevel { writer.blankLine() }
                for comment in placer.takeLeading(in: regionStart..<item.range.lowerBound, previousEnd: previousEnd) {
                    if comment.blankLineBefore { writer.blankLine() }
                    writer.writeComment(comment, level: level)
                }
                if placer.blankLineBefore(item.range.lowerBound, notBefore: regionStart) { writer.blankLine() }
                let mark = writer.count
                item.render()
                writer.insert(placer.take(in: item.range), at: mark, level: level)
                for comment in placer.takeTrailing(after: item.range.upperBound, before: max(next, item.range.upperBound)) {
                    writer.appendComment(comment)
                }
            }
            for comment in placer.take(in: open..<max(open, close)) {
                if comment.blankLineBefore { writer.blankLine() }
                writer.writeComment(comment, level: level)
            }
        }

        /// `head {`, the items one level deeper, `}`; `head {}` when there is nothing
        /// inside. `brace` is the source `{`, `close` where the source `}` starts.
        func braced(_ head: String, level: Int, brace: Range<Int>, close: Int, items: [Item]) {
            let inside = brace.upperBound..<max(brace.upperBound, close)
            if items.isEmpty, !placer.hasPending(in: inside) {
                writer.write(head + " {}", level: level)
                return
            }
            writer.write(head + " {", level: level, opensBlock: true)
            let first = items.map(\.range.lowerBound).min() ?? inside.upperBound
            trailing(after: brace.upperBound, before: first)
            self.items(items, level: level + 1, open: inside.lowerBound, close: inside.upperBound)
            writer.write("}", level: level)
        }

        /// A keyword line that opens a section (`when`, `then`).
        func section(_ word: String, level: Int, keyword: Range<Int>, close: Int, items: [Item]) {
            writer.write(word, level: level, opensBlock: true)
            let first = items.map(\.range.lowerBound).min() ?? close
            trailing(after: keyword.upperBound, before: first)
            self.items(items, level: level + 1, open: keyword.upperBound, close: close)
        }

        /// The record rule: `head { a: 1, b: 2 }` on one line when the line fits in
        /// `Formatter.lineWidth` columns and no comment sits inside the braces; else one
        /// field per line. `after` is where the `{` is looked for, `end` the end of the
        /// source `}`.
        func fields(_ head: String, _ fields: [FieldValue], level: Int, after: Int, end: Int, alwaysBreak: Bool = false) {
            let brace = tokens.openBrace(after: after)
            let close = max(brace.upperBound, end - 1)
            let oneLine = fields.isEmpty
                ? head + " {}"
                : head + " { " + fields.map(Inline.field).joined(separator: ", ") + " }"
            if !alwaysBreak, !placer.hasPending(in: brace.upperBound..<close), fits(oneLine, level: level) {
                writer.write(oneLine, level: level)
                return
            }
            braced(head, level: level, brace: brace, close: close, items: fields.map { field in
                Item(field.span) { self.writer.write(Inline.field(field), level: level + 1) }
            })
        }

        /// A single-line item.
        func line(_ span: SourceSpan, _ text: String, level: Int) -> Item {
            Item(span) { self.writer.write(text, level: level) }
        }

        /// Appends the comments that trail the source text ending at `end`.
        func trailing(after end: Int, before limit: Int) {
            for comment in placer.takeTrailing(after: end, before: max(end, limit)) {
                writer.appendComment(comment)
            }
        }

        func fits(_ text: String, level: Int) -> Bool {
            level * LineWriter.indentWidth + text.count <= Formatter.lineWidth
        }

        /// Start of the word before a node (`title "..."` starts at `title`).
        func wordStart(_ span: SourceSpan) -> Int {
            tokens.start(ofWordBefore: span.start)
        }
    }
}
