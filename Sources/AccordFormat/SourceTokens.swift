import AccordSyntax

/// The file's tokens, for the offsets the syntax tree does not keep: where a block's
/// `{` is, where the `title`, `when` or `given` word before a node starts. Comments
/// are placed relative to these offsets.
struct SourceTokens {
    private let tokens: [Token]

    init(file: SourceFile) {
        self.tokens = Lexer.tokenize(file).tokens.filter { !$0.isEndOfFile }
    }

    /// Index of the first token starting at or after `offset`.
    private func firstIndex(from offset: Int) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The first token at or after `offset`.
    func token(from offset: Int) -> Token? {
        let index = firstIndex(from: offset)
        return index < tokens.count ? tokens[index] : nil
    }

    /// The last token that starts before `offset`.
    func token(before offset: Int) -> Token? {
        let index = firstIndex(from: offset) - 1
        return index >= 0 ? tokens[index] : nil
    }

    /// Start of the word that introduces a node (`title`, `cite`, `given`, ...): the
    /// token right before it, or the node's own start when there is none.
    func start(ofWordBefore offset: Int) -> Int {
        token(before: offset)?.start ?? offset
    }

    /// Offsets of the `{` that opens a block after `offset`, as a range.
    func openBrace(after offset: Int) -> Range<Int> {
        guard let token = token(from: offset), token.isPunctuation(.leftBrace) else { return offset..<offset }
        return token.start..<token.end
    }

    /// The first `keyword` token in `range`.
    func keyword(_ keyword: Keyword, in range: Range<Int>) -> Range<Int>? {
        var index = firstIndex(from: range.lowerBound)
        while index < tokens.count, tokens[index].start < range.upperBound {
            if tokens[index].isKeyword(keyword) { return tokens[index].start..<tokens[index].end }
            index += 1
        }
        return nil
    }
}
