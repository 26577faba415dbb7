import Foundation
import Glibc
@testable import LineEditing
import Testing

/// The terminal-free parts of the line layer: how entries are put together from lines,
/// and plain reading from a pipe.
@Suite struct LineReaderTests {
    /// Replays lines as if typed.
    final class ScriptedReader: LineReader {
        var inputs: [LineInput]
        var prompts: [String] = []

        init(_ inputs: [LineInput]) { self.inputs = inputs }

        func readLine(prompt: String) -> LineInput {
            prompts.append(prompt)
            return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
        }

        func addHistory(_ entry: String) {}
        func saveHistory() -> Bool { true }
    }

    static func balanced(_ text: String) -> Bool {
        text.filter { $0 == "{" }.count <= text.filter { $0 == "}" }.count
    }

    @Test func anEntryGoesOnWhileItIsOpen() {
        let reader = ScriptedReader([.line("rule r {"), .line("  when"), .line("}"), .line(":recs")])
        #expect(reader.readEntry(prompt: "> ", continuationPrompt: ".> ", isComplete: Self.balanced) == .line("rule r {\n  when\n}"))
        #expect(reader.prompts == ["> ", ".> ", ".> "])
        #expect(reader.readEntry(prompt: "> ", continuationPrompt: ".> ", isComplete: Self.balanced) == .line(":recs"))
    }

    @Test func ctrlCAbandonsTheWholeEntry() {
        let reader = ScriptedReader([.line("rule r {"), .interrupted, .line(":recs")])
        #expect(reader.readEntry(prompt: "> ", continuationPrompt: ".> ", isComplete: Self.balanced) == .interrupted)
        #expect(reader.readEntry(prompt: "> ", continuationPrompt: ".> ", isComplete: Self.balanced) == .line(":recs"))
    }

    @Test func theEndInsideAnEntryHandsItOverThenEnds() {
        let reader = ScriptedReader([.line("rule r {"), .endOfInput])
        #expect(reader.readEntry(prompt: "> ", continuationPrompt: ".> ", isComplete: Self.balanced) == .line("rule r {"))
        #expect(reader.readEntry(prompt: "> ", continuationPrompt: ".> ", isComplete: Self.balanced) == .endOfInput)
    }

    /// libedit reads `matches[2]` to tell a unique match from several, even when
    /// `matches[1]` already ends the array: the array must hold a NULL there too
    /// (without it the sanitized builds lost the space after a completion).
    @Test func completionArraysEndWithTwoNulls() throws {
        for candidates in [[":facts"], [":why", ":whynot"]] {
            let array = try #require(LibeditCompletion.cArray(candidates))
            defer {
                var index = 0
                while let entry = array[index] { free(entry); index += 1 }
                free(array)
            }
            let count = candidates.count == 1 ? 1 : candidates.count + 1
            #expect((0..<count).allSatisfy { array[$0] != nil })
            #expect(array[count] == nil && array[count + 1] == nil)
        }
        let single = try #require(LibeditCompletion.cArray([":facts"]))
        defer { free(single[0]); free(single) }
        #expect(String(cString: try #require(single[0])) == ":facts")
    }

    @Test func plainReadingSplitsLinesAndKeepsUTF8() throws {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        let text = "黑龙江\r\nsecond\n\nlast without a break"
        _ = text.utf8CString.withUnsafeBufferPointer { write(descriptors[1], $0.baseAddress, $0.count - 1) }
        close(descriptors[1])
        defer { close(descriptors[0]) }
        let reader = PlainLineReader(descriptor: descriptors[0])
        var lines: [LineInput] = []
        for _ in 0..<5 { lines.append(reader.readLine(prompt: "ignored> ")) }
        #expect(lines == [.line("黑龙江"), .line("second"), .line(""), .line("last without a break"), .endOfInput])
    }
}
