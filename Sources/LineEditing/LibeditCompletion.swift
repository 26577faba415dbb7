@preconcurrency import CLibedit
import Glibc

/// Tab through libedit's `rl_attempted_completion_function`. libedit hands over the word
/// before the cursor as `start`…`end`, counted in characters as libedit counts them
/// (wide characters, that is Unicode scalars), while `rl_line_buffer` is UTF-8; the
/// completion source works in Swift `Character` offsets. The candidates are rewritten
/// to replace exactly libedit's word, whatever span the source chose to replace.
enum LibeditCompletion {
    /// The source the current reader completes from (one editor per process).
    nonisolated(unsafe) static var source: CompletionSource?

    static func matches(start: Int, end: Int) -> [String] {
        guard let source, let buffer = rl_line_buffer else { return [] }
        let line = String(cString: buffer)
        let scalars = line.unicodeScalars
        let wordStart = scalars.index(scalars.startIndex, offsetBy: max(0, start), limitedBy: scalars.endIndex) ?? scalars.endIndex
        let cursorIndex = scalars.index(scalars.startIndex, offsetBy: max(0, end), limitedBy: scalars.endIndex) ?? scalars.endIndex
        let completion = source(line, line[..<cursorIndex].count)
        let from = line.index(line.startIndex, offsetBy: max(0, completion.replaceFrom), limitedBy: cursorIndex) ?? cursorIndex
        if from <= wordStart {
            // The source replaces more than libedit's word: keep the candidates that
            // agree on the part before the word, and give libedit the rest.
            let head = String(line[from..<wordStart])
            return completion.candidates.filter { $0.hasPrefix(head) }.map { String($0.dropFirst(head.count)) }
        }
        // The source replaces less: libedit's word starts earlier, so put that part back.
        let head = String(line[wordStart..<from])
        return completion.candidates.map { head + $0 }
    }

    /// The longest common prefix, by characters, which libedit inserts on the first Tab.
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    /// The readline contract: entry 0 replaces the word, the rest are the choices to
    /// list, then NULL; every string malloc'd, since libedit frees them.
    ///
    /// Two NULLs end the array, not one: libedit (3.1-20221030, `fn_complete2`) decides
    /// whether a match is single by reading `matches[2]` even when `matches[1]` is the
    /// NULL that ends a one-entry array. With one NULL it reads past the allocation; the
    /// glibc allocator usually leaves a zero there, the sanitizers' allocators do not, so
    /// in an ASan or TSan build libedit took a unique match for one of several and left
    /// out the space after it (libedit is not instrumented, so no report said why).
    static func cArray(_ candidates: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        let unique = Array(Set(candidates)).sorted()
        guard !unique.isEmpty else { return nil }
        let entries = unique.count == 1 ? unique : [commonPrefix(unique)] + unique
        let slots = entries.count + 2
        guard let memory = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * slots) else { return nil }
        let array = memory.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: slots)
        for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
        array[entries.count] = nil
        array[entries.count + 1] = nil
        return array
    }

    /// What libedit adds after a unique match: a space, unless more naturally follows
    /// (a folder's `/`, an opening bracket or quote).
    static func appendCharacter(after candidates: [String]) -> Int32 {
        guard Set(candidates).count == 1, let last = candidates.first?.last, "/([\"".contains(last) else {
            return Int32(UInt8(ascii: " "))
        }
        return 0
    }
}

let libeditAttemptedCompletion: @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { _, start, end in
    rl_attempted_completion_over = 1  // never fall back to libedit's file-name completion
    let matches = LibeditCompletion.matches(start: Int(start), end: Int(end))
    rl_completion_append_character = LibeditCompletion.appendCharacter(after: matches)
    return LibeditCompletion.cArray(matches)
}
