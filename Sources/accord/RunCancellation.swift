import AccordSyntax
import Dispatch
import Foundation
import Synchronization

/// The two ways a command stops early from outside: Ctrl-C (SIGINT) and `--timeout`.
/// The front end and the engine ask `isCancelled` at coarse steps (a declaration, a
/// thousand facts, a firing); afterwards `reason` says which one it was, because they
/// end differently (130 for an interrupt, 1 for a timeout).
///
/// SIGINT is ignored as a signal and watched through a dispatch source instead, so
/// the handler runs as ordinary code on a dispatch queue and only sets an atomic flag
/// (nothing async-signal-unsafe runs in signal context). Watching starts before the
/// files are read, so Ctrl-C during a long load is caught too.
///
/// A step that never asks (reading a huge CSV file, say) must not hold Ctrl-C up: a
/// watchdog on the same queue ends the process `grace` after the request unless the
/// command has reported the stop itself by then (`finishing()`), saying what it was
/// doing (`doing(_:)`).
final class RunCancellation {
    enum Reason {
        case interrupted
        case timedOut(seconds: Double)
    }

    /// Set from the SIGINT source, read by the working thread.
    private static let interruptRequested = Atomic<Bool>(false)
    /// Set once the command reports the stop itself; the watchdog then stays quiet.
    private static let reported = Atomic<Bool>(false)
    /// What the command is doing, for the watchdog's message.
    private static let activity = Mutex<String>("loading the rules")

    /// Half the second a stop may take, so the process is gone within it even on a
    /// loaded machine; the cooperative path (which reports more) usually wins.
    static let grace: Duration = .milliseconds(500)

    private let timeout: Double?
    private let deadline: ContinuousClock.Instant?
    private var sources: [any DispatchSourceProtocol] = []

    /// Starts the clock for `--timeout`: the command's whole time counts, loading included.
    init(timeout: Double?) {
        self.timeout = timeout
        // Capped at about 30 years so the conversion to nanoseconds cannot overflow.
        deadline = timeout.map { ContinuousClock.now + .nanoseconds(Int64(min($0, 1e9) * 1e9)) }
    }

    /// Catches SIGINT, and arms the watchdogs, until `stop()`.
    func watch() {
        signal(SIGINT, SIG_IGN)
        let queue = DispatchQueue.global()
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: queue)
        source.setEventHandler {
            RunCancellation.interruptRequested.store(true, ordering: .sequentiallyConsistent)
            queue.asyncAfter(deadline: .now() + RunCancellation.seconds(RunCancellation.grace)) {
                RunCancellation.giveUp(status: 130, message: "interrupted: \(RunCancellation.currentActivity)")
            }
        }
        source.resume()
        var armed: [any DispatchSourceProtocol] = [source]
        if let timeout {
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + min(timeout, 1e9) + RunCancellation.seconds(RunCancellation.grace))
            timer.setEventHandler {
                RunCancellation.giveUp(status: 1, message: "accord: error: timed out after \(RunCancellation.describe(timeout)) s "
                                       + "(\(RunCancellation.currentActivity))")
            }
            timer.resume()
            armed.append(timer)
        }
        sources = armed
    }

    func stop() {
        for source in sources { source.cancel() }
        sources = []
        signal(SIGINT, SIG_DFL)
    }

    /// Cheap enough to ask between every two firings.
    func isCancelled() -> Bool {
        if RunCancellation.interruptRequested.load(ordering: .relaxed) { return true }
        guard let deadline else { return false }
        return ContinuousClock.now >= deadline
    }

    /// The front end's view of this cancellation and of `--max-facts`.
    func loadLimits(maxFacts: Int) -> LoadLimits {
        let deadline = deadline
        return LoadLimits(maxFacts: maxFacts) {
            if RunCancellation.interruptRequested.load(ordering: .relaxed) { return true }
            guard let deadline else { return false }
            return ContinuousClock.now >= deadline
        }
    }

    /// Why the run was cancelled: an interrupt wins over a deadline that passed too.
    var reason: Reason {
        if RunCancellation.interruptRequested.load(ordering: .relaxed) { return .interrupted }
        return .timedOut(seconds: timeout ?? 0)
    }

    var seconds: Double { timeout ?? 0 }

    /// Names what the command does from now on (`the baseline run`, `scenario \`x\``),
    /// for the watchdog's message.
    func doing(_ what: String) {
        RunCancellation.activity.withLock { $0 = what }
    }

    /// What the command was doing, as `doing(_:)` last said.
    var activity: String { RunCancellation.currentActivity }

    /// The command is about to report the stop itself: the watchdog must not cut it
    /// short. If the watchdog has already begun, its exit is moments away: wait for it,
    /// so the stop is reported once.
    func finishing() {
        guard RunCancellation.reported.compareExchange(expected: false, desired: true,
                                                       ordering: .sequentiallyConsistent).exchanged else {
            while true { sleep(1) }
        }
    }

    private static var currentActivity: String { activity.withLock { $0 } }

    /// The watchdog's exit: the message with one `write` and `_exit`, since the working
    /// thread may be anywhere (exit handlers and buffered output are not safe to run).
    private static func giveUp(status: Int32, message: String) {
        guard reported.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged else {
            return
        }
        let line = message + "\n"
        line.utf8CString.withUnsafeBufferPointer { buffer in
            _ = write(STDERR_FILENO, buffer.baseAddress, buffer.count - 1)
        }
        _exit(status)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// `5` for a whole number of seconds, `0.25` otherwise.
    static func describe(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int64(seconds)) : seconds.description
    }
}
