import Dispatch
import Foundation
import Synchronization

/// The two ways a run stops early from outside: Ctrl-C (SIGINT) and `--timeout`.
/// The engine asks `isCancelled` between firings; afterwards `reason` says which one
/// it was, because they end differently (130 for an interrupt, 1 for a timeout).
///
/// SIGINT is ignored as a signal and watched through a dispatch source instead, so
/// the handler runs as ordinary code on a dispatch queue and only sets an atomic flag
/// (nothing async-signal-unsafe runs in signal context). Outside `watch()`…`stop()`
/// Ctrl-C keeps its default effect, so loading a large rule base can still be killed.
final class RunCancellation {
    enum Reason {
        case interrupted
        case timedOut(seconds: Double)
    }

    /// Set from the SIGINT source, read by the engine's thread.
    private static let interruptRequested = Atomic<Bool>(false)

    private let timeout: Double?
    private let deadline: ContinuousClock.Instant?
    private var source: DispatchSourceSignal?

    /// Starts the clock for `--timeout`: the command's whole time counts, loading
    /// included, though only the run itself can be stopped (between firings).
    init(timeout: Double?) {
        self.timeout = timeout
        // Capped at about 30 years so the conversion to nanoseconds cannot overflow.
        deadline = timeout.map { ContinuousClock.now + .nanoseconds(Int64(min($0, 1e9) * 1e9)) }
    }

    /// Catches SIGINT until `stop()`.
    func watch() {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { RunCancellation.interruptRequested.store(true, ordering: .relaxed) }
        source.resume()
        self.source = source
    }

    func stop() {
        source?.cancel()
        source = nil
        signal(SIGINT, SIG_DFL)
    }

    /// Cheap enough to ask between every two firings.
    func isCancelled() -> Bool {
        if RunCancellation.interruptRequested.load(ordering: .relaxed) { return true }
        guard let deadline else { return false }
        return ContinuousClock.now >= deadline
    }

    /// Why the run was cancelled: an interrupt wins over a deadline that passed too.
    var reason: Reason {
        if RunCancellation.interruptRequested.load(ordering: .relaxed) { return .interrupted }
        return .timedOut(seconds: timeout ?? 0)
    }
}
