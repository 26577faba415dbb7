/// One scenario evaluated against the baseline, as the reports need it: which
/// recommendations appeared, went or changed score, ranked, with the scenario changes
/// that caused each. Plain values, like `RunResult`.
public struct WhatIfResult: Sendable, Hashable {
    public let scenario: String
    public let title: String?
    /// The scenarios it extends, outermost first (empty when it extends none).
    public let parents: [String]
    public let baselineCount: Int
    /// Recommendations with the scenario applied.
    public let count: Int
    public let diff: RankedDiff

    public init(scenario: String, title: String?, parents: [String], baselineCount: Int, count: Int, diff: RankedDiff) {
        self.scenario = scenario
        self.title = title
        self.parents = parents
        self.baselineCount = baselineCount
        self.count = count
        self.diff = diff
    }
}
