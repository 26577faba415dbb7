import AccordSyntax

/// What the policy tests exercise (`accord test --coverage`): for each rule, the tests
/// that fired it; for each of its conditions, whether any match got to it and past it.
///
/// A test fires a rule when the rule fired during the test's givens, or when the test's
/// expectations were checked while a fired match of the rule held (so its
/// recommendations and derived facts were there to be checked). A condition is `fine`
/// when some partial match got past it, `neverTrue` when matches got to it (every
/// condition before it held) but none past it, `neverReached` when none got to it, over
/// the baseline and every test's state where its expectations were checked. A rule that
/// fired anywhere has every condition `fine`: its firing match passed them all.
public struct CoverageReport: Sendable {
    public enum Status: String, Sendable {
        case fine
        case neverTrue = "never_true"
        case neverReached = "never_reached"
    }

    public struct Condition: Sendable {
        /// The condition as written (`$p: Park(cross_border)`, `not Hub(...)`, `test ...`).
        public let text: String
        public let line: Int
        public let column: Int
        public let status: Status
    }

    public struct Rule: Sendable {
        public let name: String
        /// The path as it was given.
        public let file: String
        public let line: Int
        /// The tests that fired the rule, in the order they ran.
        public let firedBy: [String]
        /// The rule fired in the baseline, the state every test starts from.
        public let firesInBaseline: Bool
        /// The rule fired during some test's givens.
        public let firedByGivens: Bool
        /// Some test's `expect` names the rule: `expect [no] recommend RULE`, or `expect
        /// [no] fact T(...)` for a template the rule derives or asserts.
        public let namedByExpect: Bool
        public let conditions: [Condition]

        public var covered: Bool { !firedBy.isEmpty }

        /// Covered only because its baseline results were present while tests checked
        /// other things: no given fires it and no `expect` names it.
        public var baselineOnly: Bool { covered && !firedByGivens && !namedByExpect }
    }

    public let rules: [Rule]
    /// How many tests ran.
    public let testCount: Int

    public var coveredRules: Int { rules.filter(\.covered).count }
    public var conditionCount: Int { rules.reduce(0) { $0 + $1.conditions.count } }
    public var fineConditions: Int {
        rules.reduce(0) { $0 + $1.conditions.filter { $0.status == .fine }.count }
    }

    /// Rules covered, as a percentage; 100 without rules.
    public var ruleCoverage: Double { Self.percent(coveredRules, of: rules.count) }
    /// Conditions fine, as a percentage; 100 without conditions.
    public var conditionCoverage: Double { Self.percent(fineConditions, of: conditionCount) }

    /// Whether rule coverage is below `minimum` percent, compared exactly (no rounding).
    public func ruleCoverage(isBelow minimum: Double) -> Bool {
        Double(coveredRules) * 100 < minimum * Double(rules.count)
    }

    static func percent(_ part: Int, of whole: Int) -> Double {
        whole == 0 ? 100 : Double(part) * 100 / Double(whole)
    }
}
