import AccordCheck
import AccordEngine

/// A sweep as the reports need it: the count at every point, and at each tipping point
/// (where the set of recommendations changed against the point before, the first point
/// against the starting state) what appeared and went, ranked. Plain values.
public struct SweepOutcome: Sendable, Hashable {
    public struct TippingPoint: Sendable, Hashable {
        public let value: Value
        /// Its position in `points`.
        public let index: Int
        public let diff: RankedDiff

        public init(value: Value, index: Int, diff: RankedDiff) {
            self.value = value
            self.index = index
            self.diff = diff
        }
    }

    public let reference: FieldReference
    /// The scenario applied before the first point, if any.
    public let scenario: String?
    /// The field's value and the recommendation count before the first point.
    public let startValue: Value?
    public let startCount: Int
    public let points: [SweepPoint]
    public let tippingPoints: [TippingPoint]

    public init(reference: FieldReference, scenario: String?, startValue: Value?, startCount: Int, points: [SweepPoint],
                tippingPoints: [TippingPoint]) {
        self.reference = reference
        self.scenario = scenario
        self.startValue = startValue
        self.startCount = startCount
        self.points = points
        self.tippingPoints = tippingPoints
    }
}
