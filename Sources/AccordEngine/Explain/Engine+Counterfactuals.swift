import AccordCheck

extension Engine {
    /// How many candidate changes (single or paired) a why-not verifies at most.
    public static let changeCandidateLimit = 50

    /// `whyNot(rule:subject:)`, and when the rule does not fire, the smallest fact changes
    /// that would make it fire for the subject (`accord whynot`, `:whynot`). Every change
    /// is verified: inside a checkpoint it is applied, the rules run, the verdict is read
    /// again, and everything is rolled back; only changes after which the rule fires are
    /// kept. Single changes first; when none verifies, pairs along the closest partial
    /// match (a change, then one of the changes the new closest match suggests), within
    /// `changeCandidateLimit` candidates in all. The session is left as it was.
    public func whyNot(rule: String, subject: String?, suggestingChanges: Bool, maxFirings: Int = Engine.defaultMaxFirings,
                       isCancelled: () -> Bool = { false }) throws(EngineError) -> WhyNotReport {
        var report = try whyNot(rule: rule, subject: subject)
        guard suggestingChanges, report.verdict == .failed else { return report }
        // Trial runs are not the session's: their `print` lines are not shown.
        let printer = network.printer
        network.printer = { _ in }
        defer { network.printer = printer }
        var budget = Engine.changeCandidateLimit
        var verified: [SuggestedChange] = []
        var tried = 0
        func attempt(_ changes: [FactChange]) throws(EngineError) {
            guard budget > 0, !verified.contains(where: { Set($0.changes) == Set(changes) }) else { return }
            budget -= 1
            tried += 1
            if try fires(after: changes, rule: rule, subject: subject, maxFirings: maxFirings, isCancelled: isCancelled) {
                verified.append(SuggestedChange(changes))
            }
        }
        for candidate in report.candidates { try attempt(candidate.changes) }
        if verified.isEmpty {
            for first in report.candidates where budget > 0 {
                let seconds = try followingCandidates(after: first.changes, rule: rule, subject: subject,
                                                      maxFirings: maxFirings, isCancelled: isCancelled)
                for second in seconds { try attempt(first.changes + second.changes) }
            }
        }
        // The smallest: a suggestion of more changes than another verified one is left out.
        let smallest = verified.map(\.changes.count).min() ?? 0
        report.changes = verified.filter { $0.changes.count == smallest }
        report.unverifiedChanges = tried - verified.count
        return report
    }

    /// Whether the rule fires for the subject once the changes are applied and the rules
    /// have run; the session is rolled back either way. A change the engine refuses (a
    /// duplicate key, a rule failing at run time, the firing limit) does not verify.
    private func fires(after changes: [FactChange], rule: String, subject: String?, maxFirings: Int,
                       isCancelled: () -> Bool) throws(EngineError) -> Bool {
        let start = checkpoint()
        var fired = false
        var failure: EngineError?
        do {
            try applySuggested(changes)
            try run(maxFirings: maxFirings, isCancelled: isCancelled)
            fired = try whyNot(rule: rule, subject: subject).fired
        } catch {
            if case .cancelled = error { failure = error }
        }
        try rollback(to: start)
        if let failure { throw failure }
        return fired
    }

    /// The single changes the closest match suggests once `changes` are applied (nothing
    /// when they fail or already make the rule fire); rolled back before returning.
    private func followingCandidates(after changes: [FactChange], rule: String, subject: String?, maxFirings: Int,
                                     isCancelled: () -> Bool) throws(EngineError) -> [SuggestedChange] {
        let start = checkpoint()
        var result: [SuggestedChange] = []
        var failure: EngineError?
        do {
            try applySuggested(changes)
            try run(maxFirings: maxFirings, isCancelled: isCancelled)
            let report = try whyNot(rule: rule, subject: subject)
            if report.verdict == .failed { result = report.candidates }
        } catch {
            if case .cancelled = error { failure = error }
        }
        try rollback(to: start)
        if let failure { throw failure }
        return result
    }

    /// Applies suggested changes to the session, in order (no run).
    public func applySuggested(_ changes: [FactChange]) throws(EngineError) {
        for change in changes {
            switch change {
            case .modify(let template, let key, let field, _, _, let value):
                guard let id = fact(template, key: key) else {
                    throw .unknownFact(template: template, key: key.map(\.description).joined(separator: ", "), span: nil)
                }
                try modify(id, [field: value])
            case .retract(let support):
                guard let id = WhyNotCandidates.factID(of: support, in: network) else {
                    throw .unknownFact(template: support.template,
                                       key: support.key.map(\.description).joined(separator: ", "), span: nil)
                }
                try retract(id)
            case .assert(let template, let fields):
                try assert(template, Dictionary(fields.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last }))
            }
        }
    }
}
