import AccordSyntax

/// Hands out a file's comments to the places the formatter prints them, each exactly
/// once. Placement is decided by byte offsets alone, so it does not depend on the
/// order in which the formatter prints items:
///
/// - a comment that follows an item on the same source line (only `,` or `;` between)
///   *trails* it and stays at the end of the item's formatted line;
/// - any other comment between two items *leads* the next item, on its own line;
/// - a comment after the last item of a block stays before the block's `}`;
/// - a comment inside an item that the item's own layout does not place (for example
///   inside an expression) moves to its own line before the item.
struct CommentPlacer {
    let comments: [Comment]
    private let bytes: [UInt8]
    private var consumed: [Bool]
    private(set) var placedCount = 0

    init(comments: [Comment], bytes: [UInt8]) {
        self.comments = comments.sorted { $0.start < $1.start }
        self.bytes = bytes
        self.consumed = Array(repeating: false, count: comments.count)
    }

    var allPlaced: Bool { placedCount == comments.count }

    /// Index of the first comment starting at or after `offset`.
    private func firstIndex(from offset: Int) -> Int {
        var low = 0
        var high = comments.count
        while low < high {
            let mid = (low + high) / 2
            if comments[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private func pendingIndices(in range: Range<Int>) -> [Int] {
        var result: [Int] = []
        var index = firstIndex(from: range.lowerBound)
        while index < comments.count, comments[index].start < range.upperBound {
            if !consumed[index] { result.append(index) }
            index += 1
        }
        return result
    }

    private mutating func take(_ indices: [Int]) -> [Comment] {
        for index in indices where !consumed[index] {
            consumed[index] = true
            placedCount += 1
        }
        return indices.map { comments[$0] }
    }

    /// Comments not yet placed that start in `range`.
    func hasPending(in range: Range<Int>) -> Bool {
        !pendingIndices(in: range).isEmpty
    }

    /// Takes every comment not yet placed that starts in `range`.
    mutating func take(in range: Range<Int>) -> [Comment] {
        take(pendingIndices(in: range))
    }

    /// Takes the comments that trail the source text ending at `end`: on the same line,
    /// before `limit` (where the next item starts).
    mutating func takeTrailing(after end: Int, before limit: Int) -> [Comment] {
        guard end <= limit else { return [] }
        var indices: [Int] = []
        for index in pendingIndices(in: end..<limit) {
            guard isTrailing(comments[index], after: end) else { break }
            indices.append(index)
        }
        return take(indices)
    }

    /// Takes the comments that lead an item: those in `range` (between the previous
    /// item, in source order, and this one) that do not trail the previous item.
    mutating func takeLeading(in range: Range<Int>, previousEnd: Int?) -> [Comment] {
        take(pendingIndices(in: range).filter { index in
            guard let previousEnd else { return true }
            return !isTrailing(comments[index], after: previousEnd)
        })
    }

    /// The comment sits on the line where the source text before it ends at `end`:
    /// no line break (outside other comments) between the two.
    func isTrailing(_ comment: Comment, after end: Int) -> Bool {
        guard !comment.startsLine, comment.start >= end else { return false }
        var offset = end
        var next = firstIndex(from: end)
        while offset < comment.start {
            if next < comments.count, comments[next].start == offset {
                offset = max(offset + 1, comments[next].end)
                next += 1
                continue
            }
            if bytes[offset] == UInt8(ascii: "\n") { return false }
            offset += 1
        }
        return true
    }

    /// The source has a blank line right before `end`: after the last comment or
    /// token that precedes it, and not before `start`.
    func blankLineBefore(_ end: Int, notBefore start: Int) -> Bool {
        var from = start
        var index = firstIndex(from: start)
        while index < comments.count, comments[index].end <= end {
            from = max(from, comments[index].end)
            index += 1
        }
        var newlines = 0
        var offset = max(0, end - 1)
        // Walk back from `end` over whitespace: two line breaks mean a blank line.
        while offset >= from, offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: "\n"):
                newlines += 1
                if newlines == 2 { return true }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0C:
                break
            default:
                return false
            }
            offset -= 1
        }
        return false
    }
}
