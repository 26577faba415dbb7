import AccordTestSupport
import CPTY
import Foundation
import Glibc

/// Drives a program through a real pseudo-terminal, as a user at a terminal would: the
/// slave is the program's controlling terminal (a new session), so `"\u{03}"` written
/// to the master raises SIGINT. Every wait has a timeout (times `TestTiming.scale`); a program still running when
/// the terminal is dropped is killed.
final class PseudoTerminal {
    struct Timeout: Error, CustomStringConvertible {
        let waitingFor: String
        let transcript: String
        var description: String { "timed out waiting for \(waitingFor); the terminal shows:\n\(transcript)" }
    }

    let master: Int32
    let pid: pid_t
    /// Everything the program wrote, and how far `expect` has consumed it.
    private(set) var output: [UInt8] = []
    private var consumed = 0
    private var exitStatus: Int32?

    init(executable: String, arguments: [String], environment: [String: String],
         directory: String? = nil, rows: UInt16 = 30, columns: UInt16 = 100) throws {
        var slavePath = [CChar](repeating: 0, count: 128)
        master = cpty_open(&slavePath, slavePath.count)
        guard master >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        _ = cpty_set_size(master, rows, columns)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let status = cpty_spawn(executable, argv, envp, slavePath, directory, &child)
        guard status == 0 else {
            close(master)
            throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO)
        }
        pid = child
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// The environment the REPL tests run with: a private home and state folder (libedit
    /// also reads ~/.editrc), an xterm, a UTF-8 locale and no colour.
    static func environment(home: String) -> [String: String] {
        var environment = [
            "HOME": home, "XDG_STATE_HOME": home + "/state", "TERM": "xterm", "LANG": "C.UTF-8",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1",
        ]
        // Under `make test-asan`/`test-tsan` the sanitized binary keeps the run's options
        // (suppressions, symbolizer); docs/sanitizers.md.
        for (name, value) in ProcessInfo.processInfo.environment
        where name.hasPrefix("ASAN_") || name.hasPrefix("LSAN_") || name.hasPrefix("TSAN_") {
            environment[name] = value
        }
        return environment
    }

    func send(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeMutableBytes { Glibc.write(master, $0.baseAddress, $0.count) }
            if written > 0 { offset += written } else if errno != EINTR { return }
        }
    }

    /// The output not yet consumed by `expect`, as text.
    var pending: String { String(decoding: output[consumed...], as: UTF8.self) }

    /// The whole transcript, as text.
    var transcript: String { String(decoding: output, as: UTF8.self) }

    /// Waits until `text` appears in the output after what earlier waits consumed, and
    /// consumes up to its end. Returns the output that came before it.
    @discardableResult
    func expect(_ text: String, timeout: Double = TestTiming.scaled(10)) throws -> String {
        let needle = Array(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let range = find(needle) {
                let before = String(decoding: output[consumed..<range.lowerBound], as: UTF8.self)
                consumed = range.upperBound
                return before
            }
            guard Date() < deadline, pump(milliseconds: 50) else {
                _ = pump(milliseconds: 0)
                if let range = find(needle) {
                    let before = String(decoding: output[consumed..<range.lowerBound], as: UTF8.self)
                    consumed = range.upperBound
                    return before
                }
                throw Timeout(waitingFor: "`\(text)`", transcript: transcript)
            }
        }
    }

    /// Waits for `prompt` and then for libedit to switch the terminal to raw mode: it
    /// prints the prompt first, and keys sent before the switch are read in cooked mode.
    @discardableResult
    func expectPrompt(_ prompt: String = "accord> ", timeout: Double = TestTiming.scaled(10)) throws -> String {
        let before = try expect(prompt, timeout: timeout)
        try waitForRawMode(timeout: timeout)
        return before
    }

    func waitForRawMode(timeout: Double = TestTiming.scaled(10)) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while cpty_is_canonical(master) == 1 {
            guard Date() < deadline else { throw Timeout(waitingFor: "raw mode", transcript: transcript) }
            _ = pump(milliseconds: 5)
        }
    }

    /// Waits for the program to end and returns its exit status (128 + N for signal N).
    func waitForExit(timeout: Double = TestTiming.scaled(10)) throws -> Int32 {
        if let exitStatus { return exitStatus }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            var status: Int32 = 0
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid {
                _ = pump(milliseconds: 0)
                let signal = status & 0x7F
                let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
                exitStatus = code
                return code
            }
            guard Date() < deadline else { throw Timeout(waitingFor: "the program to exit", transcript: transcript) }
            _ = pump(milliseconds: 20)
        }
    }

    private func find(_ needle: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, output.count - consumed >= needle.count else { return nil }
        var start = consumed
        while start + needle.count <= output.count {
            if output[start] == needle[0], output[start..<(start + needle.count)].elementsEqual(needle) {
                return start..<(start + needle.count)
            }
            start += 1
        }
        return nil
    }

    /// Reads what is available within `milliseconds`; false once the terminal is closed.
    private func pump(milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, milliseconds)
        guard ready > 0 else { return ready == 0 || errno == EINTR }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if count > 0 {
            output.append(contentsOf: chunk[..<count])
            return true
        }
        // EIO: every slave descriptor is closed, the program has ended.
        Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
        return false
    }
}

enum AccordBinary {
    /// The `accord` built beside the test bundle.
    static var path: String {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [bundleFolder.appendingPathComponent("accord").path]
        let root = URL(fileURLWithPath: Fixtures.root).deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/accord").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    static var repository: String {
        URL(fileURLWithPath: Fixtures.root).deletingLastPathComponent().deletingLastPathComponent().path
    }
}

enum Scratch {
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "accord-repl-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
