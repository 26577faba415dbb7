import AccordTestSupport
import Foundation

/// A real `accord` process to interrupt: started with pipes, it is sent SIGINT once it
/// is ready (catching SIGINT, and, when a marker is given, past printing it), and the
/// time from the signal to its exit is measured. Every wait has a generous limit, since
/// the machine may be busy; only the signal-to-exit time is held to the second (all
/// limits times `TestTiming.scale`, for a sanitized build).
final class InterruptedProcess: @unchecked Sendable {
    struct Outcome {
        let status: Int32
        /// Whether it exited (false: a signal ended it).
        let exited: Bool
        let stdout: String
        let stderr: String
        /// From SIGINT to the process's end.
        let secondsToExit: Double
    }

    private let process = Process()
    private let lock = NSLock()
    private var output = Data()
    private var errors = Data()
    private let ended = DispatchSemaphore(value: 0)

    init(_ arguments: [String], directory: String) throws {
        process.executableURL = URL(fileURLWithPath: Accord.executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, error: false) }
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, error: true) }
        process.terminationHandler = { [ended] _ in ended.signal() }
        try process.run()
    }

    /// A process left running by a failed test would count for ever.
    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    private func append(_ data: Data, error: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if error { errors.append(data) } else { output.append(data) }
    }

    private var texts: (String, String) {
        lock.lock()
        defer { lock.unlock() }
        return (String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    /// Waits until the process ignores SIGINT as a signal (`RunCancellation.watch()`
    /// has run, so the signal is handled, not fatal) and, with a marker, until stdout
    /// or stderr shows it; then `settle` more seconds, to be well inside the long part.
    func interrupt(whenShowing marker: String? = nil, settle: Double = 0.3, limit: Double = TestTiming.scaled(60)) throws -> Outcome {
        let start = Date()
        while !ignoresInterrupts() || !(marker.map { texts.0.contains($0) || texts.1.contains($0) } ?? true) {
            guard process.isRunning, Date().timeIntervalSince(start) < limit else {
                kill(process.processIdentifier, SIGKILL)
                throw InterruptFailure.neverReady(stderr: texts.1)
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        Thread.sleep(forTimeInterval: settle)
        let signalled = Date()
        kill(process.processIdentifier, SIGINT)
        guard ended.wait(timeout: .now() + TestTiming.scaled(30)) == .success else {
            kill(process.processIdentifier, SIGKILL)
            throw InterruptFailure.didNotStop(stderr: texts.1)
        }
        let seconds = Date().timeIntervalSince(signalled)
        // Let the readers drain what the process wrote last.
        Thread.sleep(forTimeInterval: 0.2)
        let (stdout, stderr) = texts
        return Outcome(status: process.terminationStatus, exited: process.terminationReason == .exit,
                       stdout: stdout, stderr: stderr, secondsToExit: seconds)
    }

    /// Whether SIGINT is no longer fatal: ignored or caught (libdispatch's signal source
    /// catches it), as the `SigIgn` and `SigCgt` masks in `/proc/PID/status` say (Linux).
    private func ignoresInterrupts() -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
        else { return false }
        let bit = UInt64(1) << (SIGINT - 1)
        return ["SigIgn:", "SigCgt:"].contains { field in
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
                  let mask = UInt64(line.dropFirst(field.count).trimmingCharacters(in: .whitespaces), radix: 16)
            else { return false }
            return mask & bit != 0
        }
    }
}

enum InterruptFailure: Error {
    case neverReady(stderr: String)
    case didNotStop(stderr: String)
}
