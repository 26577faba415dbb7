import Glibc
import Synchronization

/// Ctrl-C for the REPL. SIGINT only sets an atomic flag (lock-free, so safe in a
/// signal handler) and never ends the process: the line reader polls the flag to
/// abandon the input being typed, and an evaluation polls `isInterrupted` between
/// firings to stop early.
public enum Interrupts {
    static let requested = Atomic<Bool>(false)

    /// Installs the handler, without SA_RESTART so a blocked read returns EINTR, and
    /// unblocks SIGINT (test runners and some shells start children with it blocked).
    public static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Interrupts.requested.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Whether Ctrl-C was pressed since the last `clear()`. Cheap enough to ask
    /// between every two firings.
    public static var isInterrupted: Bool {
        requested.load(ordering: .relaxed)
    }

    public static func clear() {
        requested.store(false, ordering: .relaxed)
    }
}
