import Foundation

/// Time limits in tests, scaled for slow builds. A sanitized build runs several times
/// slower than a plain debug build, so `make test-asan` and `make test-tsan` set
/// `ACCORD_TEST_TIME_SCALE=10` and every time-bounded assertion multiplies its limit by
/// that factor. Unset (as in `make test` and CI) the factor is 1: the ordinary build
/// keeps its limits exactly as written (docs/sanitizers.md).
public enum TestTiming {
    /// `ACCORD_TEST_TIME_SCALE` when it is a number of at least 1, otherwise 1.
    public static let scale: Double = {
        guard let text = ProcessInfo.processInfo.environment["ACCORD_TEST_TIME_SCALE"],
              let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, value >= 1
        else { return 1 }
        return value
    }()

    /// `seconds` times the scale.
    public static func scaled(_ seconds: Double) -> Double { seconds * scale }

    /// `duration` times the scale.
    public static func scaled(_ duration: Duration) -> Duration { duration * scale }
}
