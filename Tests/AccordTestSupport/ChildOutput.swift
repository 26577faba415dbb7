import Foundation

/// Reads a child process's standard output and standard error at the same time.
/// Reading one to its end before the other deadlocks as soon as the child fills the
/// other pipe (64 KB) and blocks writing to it: a sanitizer's report at exit does that
/// (found under `make test-asan`, docs/sanitizers.md).
public enum ChildOutput {
    public static func read(output: Pipe, error: Pipe) -> (stdout: Data, stderr: Data) {
        let errorReader = PipeReader(error.fileHandleForReading)
        let thread = Thread { errorReader.readToEnd() }
        thread.start()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        return (outData, errorReader.waitForEnd())
    }
}

/// One pipe read to its end on another thread; the lock hands the data over.
private final class PipeReader: @unchecked Sendable {
    private let handle: FileHandle
    private let finished = NSCondition()
    private var data: Data?

    init(_ handle: FileHandle) {
        self.handle = handle
    }

    func readToEnd() {
        let read = handle.readDataToEndOfFile()
        finished.lock()
        data = read
        finished.signal()
        finished.unlock()
    }

    func waitForEnd() -> Data {
        finished.lock()
        defer { finished.unlock() }
        while data == nil { finished.wait() }
        return data ?? Data()
    }
}
