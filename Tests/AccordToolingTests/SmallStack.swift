import Foundation

/// Runs work on a thread with a stack of a known, smaller size and waits for it: a pass
/// that recurses deeper than the budget crashes the test process here rather than
/// passing on the main thread's 8 MiB.
///
/// The budget is 2 MiB: in a debug build the parser and the checker's type checker take
/// 3.5–5 KiB of stack per level of an expression (unoptimised frames keep every local),
/// so the deepest accepted expression (300 levels) needs between 1 and 2 MiB there. An
/// optimised build runs it within 512 KiB (a secondary thread's default on macOS),
/// which is too little for it in a debug build.
enum SmallStack {
    static let size = 2048 * 1024

    static func run<T: Sendable>(size: Int = size, _ work: @escaping @Sendable () throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result { try work() }
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        guard let result = box.result else { throw SmallStackFailure.noResult }
        return try result.get()
    }

    /// Written by the worker before it signals, read after the wait.
    private final class ResultBox<T>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }
}

enum SmallStackFailure: Error {
    case noResult
}
