import Glibc

/// Reads lines from standard input without libedit, for scripts and pipes
/// (`accord repl < script.txt`): no prompt, no echo, no escape codes, no history.
/// A Ctrl-C while waiting (stdin a terminal, stdout not) abandons the input.
public final class PlainLineReader: LineReader {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var reachedEnd = false

    public init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
    }

    public func readLine(prompt: String) -> LineInput {
        Interrupts.clear()
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = buffer[..<newline]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                let text = String(decoding: line, as: UTF8.self)
                buffer.removeSubrange(...newline)
                return .line(text)
            }
            if reachedEnd {
                guard !buffer.isEmpty else { return .endOfInput }
                let text = String(decoding: buffer, as: UTF8.self)
                buffer.removeAll()
                return .line(text)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
            } else if count == 0 {
                reachedEnd = true
            } else if errno == EINTR {
                if Interrupts.isInterrupted { return .interrupted }
            } else {
                reachedEnd = true
            }
        }
    }

    public func addHistory(_ entry: String) {}

    public func saveHistory() -> Bool { true }
}
