import AccordCheck
import AccordEngine
import AccordSyntax

/// Collects test coverage while `PolicyTestRunner` runs, from the engine's own records:
/// the firings of each rule (counted by the engine) and how far each rule's partial
/// matches get (read from the beta memories), at the baseline and wherever a test's
/// expectations were checked. Nothing is recorded, and nothing slows down, without it.
///
///     var engine = try Engine(program: model)
///     engine.startCountingFirings()
///     try engine.run()                                      // the baseline
///     let recorder = CoverageRecorder(program: model, baseline: engine)
///     var runner = PolicyTestRunner(program: model)
///     runner.inspect = recorder.record
///     _ = try runner.run(tests, on: &engine)
///     let report = recorder.report(tests: tests)
public final class CoverageRecorder {
    public let program: CheckedProgram
    private let baselineFired: [Bool]
    /// Firings counted by the end of the baseline run.
    private let baselineFirings: [Int]
    /// The engine of the last test seen: a runner that had to rebuild its engine hands
    /// over a new one, which counted the (same) baseline again.
    private weak var engine: Engine?
    /// Firings counted up to the end of the last test seen.
    private var firings: [Int]
    /// The furthest reach of each rule over the states seen.
    private var reach: [(reached: Int, passed: Int)]
    private var firedBy: [[String]]
    private var firedByGivens: [Bool]

    /// `engine` is at the baseline and has counted firings since before the baseline run
    /// (`startCountingFirings()`).
    public init(program: CheckedProgram, baseline engine: Engine) {
        self.program = program
        let count = program.rules.count
        let counted = engine.firingsByRule
        firings = counted.count == count ? counted : Array(repeating: 0, count: count)
        baselineFirings = firings
        self.engine = engine
        let baselineReach = engine.ruleReach()
        baselineFired = zip(firings, baselineReach).map { $0 > 0 || $1.firedMatchHolds }
        reach = baselineReach.map { ($0.reached, $0.passed) }
        firedBy = Array(repeating: [], count: count)
        firedByGivens = Array(repeating: false, count: count)
    }

    /// Records one test: the rules its givens fired, and, when its expectations were
    /// checked, the state they were checked against. For `PolicyTestRunner.inspect`.
    public func record(_ test: TestDeclaration, outcome: PolicyTestResult.Outcome, engine: Engine) {
        let counted = engine.firingsByRule
        if self.engine !== engine {
            firings = baselineFirings
            self.engine = engine
        }
        let checked: Bool
        switch outcome {
        case .passed, .failed: checked = true
        case .givenFailed: checked = false
        }
        let now = checked ? engine.ruleReach() : []
        for rule in program.rules.indices {
            let fired = rule < counted.count && counted[rule] > firings[rule]
            if fired { firedByGivens[rule] = true }
            var holds = false
            if rule < now.count {
                holds = now[rule].firedMatchHolds
                reach[rule] = (max(reach[rule].reached, now[rule].reached), max(reach[rule].passed, now[rule].passed))
            }
            if fired || holds { firedBy[rule].append(test.name.value) }
        }
        if counted.count == firings.count { firings = counted }
    }

    /// The report over the tests that ran (`tests`, for which `expect`s name which rules).
    public func report(tests: [TestDeclaration]) -> CoverageReport {
        let named = Self.namedRules(by: tests, in: program)
        let rules = program.rules.enumerated().map { index, rule in
            let location = rule.span.startLocation
            let fired = baselineFired[index] || firedByGivens[index]
            let conditions = rule.conditions.enumerated().map { position, condition in
                let status: CoverageReport.Status =
                    fired || position < reach[index].passed ? .fine
                    : position < reach[index].reached ? .neverTrue : .neverReached
                let start = condition.span.startLocation
                return CoverageReport.Condition(text: condition.span.text, line: start.line, column: start.column,
                                                status: status)
            }
            return CoverageReport.Rule(
                name: rule.name.name, file: rule.span.file.path, line: location.line, firedBy: firedBy[index],
                firesInBaseline: baselineFired[index], firedByGivens: firedByGivens[index],
                namedByExpect: named.contains(rule.name.name), conditions: conditions)
        }
        return CoverageReport(rules: rules, testCount: tests.count)
    }

    /// The rules some expectation names: `expect [no] recommend RULE`, and for `expect
    /// [no] fact T(...)` every rule that derives or asserts a `T`.
    static func namedRules(by tests: [TestDeclaration], in program: CheckedProgram) -> Set<String> {
        var makers: [String: Set<String>] = [:]
        for rule in program.rules {
            for action in rule.actions {
                switch action {
                case .derive(let record, _), .assert(let record, _):
                    makers[record.template.name, default: []].insert(rule.name.name)
                case .recommend, .retract, .modify, .print, .halt:
                    break
                }
            }
        }
        var named = Set<String>()
        for expectation in tests.flatMap(\.expectations) {
            switch expectation.kind {
            case .recommend(let rule, _, _): named.insert(rule.name)
            case .fact(let pattern): named.formUnion(makers[pattern.template.name] ?? [])
            }
        }
        return named
    }
}
