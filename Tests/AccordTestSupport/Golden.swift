import Foundation
import AccordSyntax

/// Golden files live beside their inputs. Run the tests with `ACCORD_UPDATE_GOLDEN=1`
/// to rewrite them from the current output; review the diff like code.
public enum Golden {
    public static var isUpdating: Bool {
        ProcessInfo.processInfo.environment["ACCORD_UPDATE_GOLDEN"] != nil
    }

    /// Compares `actual` with the golden file, or rewrites it when updating.
    /// Returns a description of the mismatch, or nil when they agree.
    public static func check(_ actual: String, against goldenPath: String) -> String? {
        if isUpdating {
            do {
                try actual.write(toFile: goldenPath, atomically: true, encoding: .utf8)
            } catch {
                return "cannot write golden file \(goldenPath): \(error)"
            }
            return nil
        }
        guard let expected = try? String(contentsOfFile: goldenPath, encoding: .utf8) else {
            return "missing golden file \(goldenPath); run with ACCORD_UPDATE_GOLDEN=1 to create it"
        }
        if expected == actual { return nil }
        return "output differs from \(goldenPath)\n" + lineDiff(expected: expected, actual: actual)
    }

    static func lineDiff(expected: String, actual: String) -> String {
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for index in 0..<max(left.count, right.count) {
            let lhs = index < left.count ? String(left[index]) : nil
            let rhs = index < right.count ? String(right[index]) : nil
            if lhs != rhs {
                if let lhs { out.append("-\(index + 1): \(lhs)") }
                if let rhs { out.append("+\(index + 1): \(rhs)") }
            }
            if out.count > 40 { break }
        }
        return out.joined(separator: "\n")
    }
}

/// The fixtures folder, `Tests/Fixtures`, found from this file's path so tests run from any directory.
public enum Fixtures {
    public static let root: String = {
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }()

    public static func path(_ relative: String) -> String {
        (root as NSString).appendingPathComponent(relative)
    }

    /// The `.accord` files of one fixture area (`parse`, `check`, `format`, ...), sorted.
    public static func cases(_ area: String) -> [String] {
        SourceLoader.accordFiles(under: path(area)).filter { !$0.contains("/_") }
    }

    public static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }
}

/// One diagnostic per line, `severity code line:col message`: the form expectation files pin.
public enum DiagnosticLines {
    public static func render(_ diagnostics: [Diagnostic], relativeTo root: String? = nil) -> String {
        diagnostics.sortedByLocation().map { diagnostic in
            let location = diagnostic.span.startLocation
            var path = diagnostic.span.file.path
            if let root, path.hasPrefix(root + "/") { path = String(path.dropFirst(root.count + 1)) }
            return "\(path):\(location.line):\(location.column): \(diagnostic.severity.rawValue) \(diagnostic.code): \(diagnostic.message)"
        }.joined(separator: "\n") + (diagnostics.isEmpty ? "" : "\n")
    }
}
