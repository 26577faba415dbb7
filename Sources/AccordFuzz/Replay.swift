import AccordFuzzing
import Foundation

/// Runs saved fuzz inputs (files, or every file in a folder) through the harness and
/// prints one outcome per line; exit status 1 when any outcome is broken.
enum Replay {
    static func run(_ arguments: [String]) -> Int32 {
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(Data("usage: AccordFuzz FILE|FOLDER...\n".utf8))
            return 2
        }
        guard let workspace = try? FuzzWorkspace() else {
            FileHandle.standardError.write(Data("AccordFuzz: cannot create a workspace folder\n".utf8))
            return 2
        }
        let harness = FuzzHarness(workspace: workspace)
        var status: Int32 = 0
        for path in arguments.flatMap(files) {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): unreadable")
                status = max(status, 2)
                continue
            }
            let outcome = harness.run([UInt8](data))
            print("\(path): \(outcome.summary)")
            if outcome.isBroken { status = max(status, 1) }
        }
        return status
    }

    static func files(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: path)
        else { return [path] }
        return names.sorted().map { (path as NSString).appendingPathComponent($0) }
    }
}
