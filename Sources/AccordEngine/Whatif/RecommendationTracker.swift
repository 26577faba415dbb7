/// Records which recommendations a change touches, and how each stood before it was
/// first touched, from the events truth maintenance raises as supports come and go.
/// A diff then costs what the change touched, never the size of the result set.
final class RecommendationTracker {
    /// Each touched recommendation as it stood (a copy of its entry; nil: absent). Turned
    /// into a full result, with its explanation, only if the diff reports it removed.
    private var before: [RecommendationKey: RecommendationEntry] = [:]
    /// The values facts had before the first `modify` while recording, so a removed
    /// recommendation is explained with the facts as they were.
    private var valuesBefore: [FactID: [Datum]] = [:]
    private var touched: Set<RecommendationKey> = []
    private var order: [RecommendationKey] = []
    private var causes: [RecommendationKey: [Int]] = [:]
    /// The caller's number for the change being made, if it numbers them. Set through
    /// `begin(_:in:)`, which first drops the previous change from the causes of what it
    /// only touched.
    private(set) var cause: Int?
    /// The score (nil: absent) each recommendation touched during the current change had
    /// when that change began. A change that retracts and rederives a recommendation at
    /// the same score (a `modify` of a fact the rule reads) touched it without changing it.
    private var atChangeStart: [RecommendationKey: Double?] = [:]
    /// Matches withdrawn while recording: a recommendation that goes later in the same
    /// change is still explained through the derivations it stood on.
    var withdrawn: [Int: Activation] = [:]
    /// A support each derived fact lost while recording, for the same reason.
    var formerSupport: [FactID: Int] = [:]

    /// Called before the store changes `key`.
    func note(_ key: RecommendationKey, in network: Network) {
        if touched.insert(key).inserted {
            order.append(key)
            if let entry = network.recommendations[key], entry.best != nil { before[key] = entry }
        }
        if let cause, causes[key]?.last != cause { causes[key, default: []].append(cause) }
        if cause != nil, atChangeStart.index(forKey: key) == nil { atChangeStart[key] = Self.score(key, in: network) }
    }

    /// Called before a fact gets new values.
    func noteModification(of fact: FactID, values: [Datum]) {
        if valuesBefore.index(forKey: fact) == nil { valuesBefore[fact] = values }
    }

    /// Numbers the change about to be made.
    func begin(_ cause: Int?, in network: Network) {
        settleCause(in: network)
        self.cause = cause
    }

    /// Keeps the current change among a recommendation's causes only if, at its end, the
    /// recommendation stands differently (present or not, and score) from its start.
    private func settleCause(in network: Network) {
        guard let cause else { return }
        for (key, start) in atChangeStart where Self.score(key, in: network) == start && causes[key]?.last == cause {
            causes[key]?.removeLast()
        }
        atChangeStart.removeAll(keepingCapacity: true)
    }

    /// What the diff compares: the reported (highest) score, nil when it is gone.
    private static func score(_ key: RecommendationKey, in network: Network) -> Double? {
        network.recommendations[key]?.best?.score
    }

    func diff(in network: Network) -> RecommendationDiff {
        settleCause(in: network)
        var diff = RecommendationDiff()
        for key in order {
            let oldScore = before[key]?.best?.score
            let newScore = Self.score(key, in: network)
            // Full results (with their explanations) only for what the diff reports.
            guard oldScore != newScore else { continue }
            let causes = causes[key] ?? []
            if let oldScore, newScore == nil {
                guard let entry = before[key], let old = network.result(for: entry, valuesBefore: valuesBefore) else { continue }
                diff.removed.append(.init(recommendation: old, scoreBefore: oldScore, scoreAfter: nil, causes: causes))
            } else if let new = network.result(for: key) {
                diff.append(new, before: oldScore, causes: causes)
            }
        }
        diff.added.sort { RecommendationResult.ranksBefore($0.recommendation, $1.recommendation) }
        diff.removed.sort { RecommendationResult.ranksBefore($0.recommendation, $1.recommendation) }
        diff.changed.sort { RecommendationResult.ranksBefore($0.recommendation, $1.recommendation) }
        return diff
    }
}

extension RecommendationDiff {
    fileprivate mutating func append(_ new: RecommendationResult, before: Double?, causes: [Int]) {
        if let before {
            changed.append(.init(recommendation: new, scoreBefore: before, scoreAfter: new.score, causes: causes))
        } else {
            added.append(.init(recommendation: new, scoreBefore: nil, scoreAfter: new.score, causes: causes))
        }
    }
}
