import AccordFuzzing
import Foundation
#if ACCORD_FUZZ
import CLibFuzzer
#endif

/// The fuzz target. Built by `make fuzz` with `-sanitize=fuzzer -DACCORD_FUZZ`, `main`
/// hands over to libFuzzer, which calls `fuzzOne` with each input. SwiftPM links every
/// executable's entry point as `main`, so the target keeps its own `main` and calls
/// `LLVMFuzzerRunDriver` rather than relying on libFuzzer's.
///
/// In the ordinary build it replays inputs instead: `AccordFuzz FILE|FOLDER...` runs each
/// file through the same harness and prints its outcome, to reproduce a crash the fuzzer
/// wrote without the fuzzing build.
@main
enum AccordFuzz {
    static func main() {
        #if ACCORD_FUZZ
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
        #else
        exit(Replay.run(Array(CommandLine.arguments.dropFirst())))
        #endif
    }
}

/// The harness of this process: one workspace for every input (libFuzzer calls on one
/// thread, one input at a time).
nonisolated(unsafe) let harness: FuzzHarness? = (try? FuzzWorkspace()).map { FuzzHarness(workspace: $0) }

#if ACCORD_FUZZ
// libFuzzer's own `main` is linked in too (SwiftPM's `main` alias wins) and needs this
// symbol; it is the same callback.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 { fuzzOne(data, size) }
#endif

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let harness else {
        FileHandle.standardError.write(Data("AccordFuzz: cannot create a workspace folder\n".utf8))
        exit(2)
    }
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let outcome = harness.run(bytes)
    if case .broken(let reason) = outcome {
        // A bug that did not crash: crash on purpose so libFuzzer saves the input.
        preconditionFailure("broken outcome: \(reason)")
    }
    return 0
}
