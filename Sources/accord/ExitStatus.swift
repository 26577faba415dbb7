/// The exit codes scripts rely on: 0 success, 1 test failures or checker errors,
/// 2 unreadable or invalid input or bad usage, 130 interrupted by Ctrl-C (as shells
/// report a process that SIGINT ended).
struct ExitStatus: Error {
    let code: Int32

    static let success = ExitStatus(code: 0)
    static let failures = ExitStatus(code: 1)
    static let invalidInput = ExitStatus(code: 2)
    static let interrupted = ExitStatus(code: 130)
}
