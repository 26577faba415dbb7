/// The exit codes scripts rely on: 0 success, 1 test failures or checker errors,
/// 2 unreadable or invalid input or bad usage.
struct ExitStatus: Error {
    let code: Int32

    static let success = ExitStatus(code: 0)
    static let failures = ExitStatus(code: 1)
    static let invalidInput = ExitStatus(code: 2)
}
