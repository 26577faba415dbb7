import Foundation

/// Graphviz's `dot`, found on `PATH` and run with the DOT text on its standard input.
/// Only the executable runs programs, so this lives beside the commands.
enum Graphviz {
    enum Failure: Error {
        /// No executable `dot` in any folder of `PATH`.
        case notInstalled
        /// `dot` ran and failed: its exit status and what it wrote to stderr.
        case failed(status: Int32, message: String)
        /// `dot` could not be started.
        case cannotRun(String)
    }

    static let installHint = "Graphviz's `dot` is not installed: apt-get install graphviz (or brew install graphviz)"

    /// The first executable `dot` in the folders of `PATH`.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let folders = (environment["PATH"] ?? "").split(separator: ":", omittingEmptySubsequences: true)
        for folder in folders {
            let candidate = String(folder) + "/dot"
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// `dot -Tsvg` over `source`: the SVG text.
    static func svg(from source: String) throws(Failure) -> String {
        guard let executable = locate() else { throw .notInstalled }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-Tsvg"]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw .cannotRun("\(error.localizedDescription)")
        }
        // Write on another thread: a large graph could fill the output pipe while the
        // input is still being written, and both sides would wait for ever. A `dot` that
        // stops reading (it failed) must not end this process with SIGPIPE: the write
        // fails instead, and `dot`'s exit status says what happened.
        signal(SIGPIPE, SIG_IGN)
        let writer = input.fileHandleForWriting
        let data = Data(source.utf8)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            try? writer.write(contentsOf: data)
            try? writer.close()
        }
        let errorData = LockedData()
        DispatchQueue.global().async(group: group) {
            errorData.set(errors.fileHandleForReading.readDataToEndOfFile())
        }
        let svg = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorData.get(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .failed(status: process.terminationStatus, message: message)
        }
        return String(decoding: svg, as: UTF8.self)
    }
}

/// Bytes handed from a reading thread to the caller.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ value: Data) {
        lock.lock()
        data = value
        lock.unlock()
    }

    func get() -> Data {
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}
