import AccordFuzzing
import AccordTestSupport
import Foundation
import Testing

/// Every input the fuzzer found (and a few written by hand to pin the harness's own
/// rules) runs through the fuzz target's entry point, `FuzzHarness.run`: none may
/// crash or break, and each must end the way its `.expected` file says (one line:
/// `rejected <codes>`, `ran` or `stopped <kind>`). `docs/fuzzing.md` says how
/// a crash becomes a fixture; `ACCORD_UPDATE_GOLDEN=1` rewrites the expectations.
@Suite struct FuzzFixtureTests {
    static let cases = FuzzFixtures.inputs()

    @Test func thereAreFixtures() {
        #expect(Self.cases.count >= 5)
    }

    @Test(arguments: FuzzFixtureTests.cases)
    func fixtureEndsAsExpected(_ path: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
        let outcome = FuzzHarness(workspace: try FuzzWorkspace()).run([UInt8](bytes))
        #expect(!outcome.isBroken, "\(path): \(outcome.summary)")
        let expected = (path as NSString).deletingPathExtension + ".expected"
        if let mismatch = Golden.check(outcome.summary + "\n", against: expected) {
            Issue.record("\(mismatch)")
        }
    }
}

/// The fuzz fixtures, `Tests/Fixtures/fuzz`: inputs are bytes (not always valid `.accord`
/// text), each beside its `.expected` outcome.
enum FuzzFixtures {
    static let folder = Fixtures.path("fuzz")

    /// Every file but expectations and the dictionary, sorted.
    static func inputs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasSuffix(".expected") && !$0.hasSuffix(".dict") && !$0.hasPrefix(".") }
            .sorted().map { (folder as NSString).appendingPathComponent($0) }
    }
}
