import AccordCheck
import AccordEngine
import Foundation

// The policy what-if workload (issue 4): load a generated policy program, run the
// baseline, then time N single-fact what-ifs drawn like the CLIPS ops (70% a Trade's
// volume, 20% a Region's supply, 10% a Park's visitors), each as
// startDiff → modify → run → finishDiff. Also times, in the same run, what reading the
// whole result set costs (the CLIPS way), a sweep of one Trade's volume, and
// checkpoint → modify+run → rollback.
//
// Usage: accord-bench whatif FILE.accord [--changes N] [--seed S] [--sweep-key KEY]
//                                        [--checkpoints M] [--read-every K] [--no-sweep]
// --read-every 0, --checkpoints 0 and --no-sweep leave only the what-if loop, for a
// profiler: `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*performWhatIf*'`.
// If FILE's sibling NAME.meta.json exists (the generator writes one), the sweep takes its
// trade, range and step from it and the baseline and sweep counts are checked against it.

private let whatIfUsage = """
    usage: accord-bench whatif FILE.accord [--changes N] [--seed S] [--sweep-key KEY] [--checkpoints M]
                                           [--read-every K] [--no-sweep]

    """

struct WhatIfOptions {
    var path = ""
    var changes = 1000
    var seed: UInt64 = 1
    var sweepKey: String?
    var checkpoints = 100
    var readEvery = 100
    var sweep = true
}

func whatIfOptions(_ arguments: [String]) -> WhatIfOptions? {
    var options = WhatIfOptions()
    var iterator = arguments.makeIterator()
    while let argument = iterator.next() {
        switch argument {
        case "--changes":
            guard let count = iterator.next().flatMap({ Int($0) }), count > 0 else { return nil }
            options.changes = count
        case "--seed":
            guard let seed = iterator.next().flatMap({ UInt64($0) }) else { return nil }
            options.seed = seed
        case "--sweep-key":
            guard let key = iterator.next() else { return nil }
            options.sweepKey = key
        case "--read-every":
            guard let count = iterator.next().flatMap({ Int($0) }), count >= 0 else { return nil }
            options.readEvery = count
        case "--no-sweep":
            options.sweep = false
        case "--checkpoints":
            guard let count = iterator.next().flatMap({ Int($0) }), count >= 0 else { return nil }
            options.checkpoints = count
        default:
            guard options.path.isEmpty, !argument.hasPrefix("--") else { return nil }
            options.path = argument
        }
    }
    return options.path.isEmpty ? nil : options
}

/// SplitMix64: small, fast, and the same sequence on every platform for a seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Monotonic nanoseconds (CLOCK_MONOTONIC).
@inline(__always) func monotonicNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
}

/// Percentiles (nearest rank), mean and max of samples in nanoseconds, shown in µs.
struct LatencySummary {
    let count: Int
    let p50, p90, p99, mean, max: Double

    init(nanoseconds samples: [UInt64]) {
        let sorted = samples.sorted()
        count = sorted.count
        func rank(_ fraction: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let index = Swift.max(0, Swift.min(sorted.count - 1, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))
            return Double(sorted[index]) / 1e3
        }
        p50 = rank(0.5)
        p90 = rank(0.9)
        p99 = rank(0.99)
        mean = sorted.isEmpty ? 0 : Double(sorted.reduce(0, +)) / Double(sorted.count) / 1e3
        max = Double(sorted.last ?? 0) / 1e3
    }

    var line: String {
        String(format: "p50 %9.1f  p90 %9.1f  p99 %9.1f  mean %9.1f  max %9.1f µs  (n=%d)", p50, p90, p99, mean, max, count)
    }
}

/// One single-fact change: a fact id, the field and its new value.
private struct WhatIfChange {
    let kind: String
    let id: Int
    let field: String
    let value: Value
}

/// The sweep the generator describes in NAME.meta.json, if there is one.
private struct SweepPlan {
    var key: String
    var from = 0
    var to = 999
    var step = 1
    var expectedInitial: Int?
    var expectedBelow: Int?
    var expectedAbove: Int?
    var expectedTipping: [Int]?
}

private func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("accord-bench whatif: \(message)\n".utf8))
    exit(1)
}

private func readMeta(for path: String) -> [String: Any]? {
    guard path.hasSuffix(".accord") else { return nil }
    let metaPath = String(path.dropLast(".accord".count)) + ".meta.json"
    guard let data = FileManager.default.contents(atPath: metaPath),
          let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
    return object
}

private func sweepPlan(meta: [String: Any]?, options: WhatIfOptions, trades: [FactSnapshot],
                       random: inout SeededGenerator) -> SweepPlan {
    let sweep = meta?["sweep"] as? [String: Any]
    func int(_ name: String) -> Int? { (sweep?[name] as? NSNumber)?.intValue }
    if let key = options.sweepKey {
        return SweepPlan(key: key)
    }
    if let sweep, let key = sweep["accord_key"] as? String {
        var plan = SweepPlan(key: key)
        plan.from = int("from") ?? plan.from
        plan.to = int("to") ?? plan.to
        plan.step = Swift.max(1, int("step") ?? plan.step)
        plan.expectedInitial = int("initial_count")
        plan.expectedBelow = int("count_below")
        plan.expectedAbove = int("count_above")
        plan.expectedTipping = (sweep["tipping"] as? [NSNumber])?.map(\.intValue)
        return plan
    }
    let trade = trades.randomElement(using: &random)!
    guard case .string(let key)? = trade.fields.first(where: { $0.name == "id" })?.value else {
        fail("a Trade fact without a string `id`")
    }
    return SweepPlan(key: key)
}

private func fieldValue(_ snapshot: FactSnapshot, _ name: String) -> Value? {
    snapshot.fields.first(where: { $0.name == name })?.value
}

/// One timed what-if: startDiff → modify → run → finishDiff, with the clock read
/// between the parts. Not inlined, so a profiler can collect exactly this.
@inline(never)
private func performWhatIf(_ engine: Engine, _ change: WhatIfChange) throws(EngineError)
    -> (diff: RecommendationDiff, start: UInt64, modified: UInt64, ran: UInt64, finished: UInt64) {
    let t0 = monotonicNanoseconds()
    engine.startDiff()
    try engine.modify(change.id, [change.field: change.value])
    let t1 = monotonicNanoseconds()
    try engine.run()
    let t2 = monotonicNanoseconds()
    let diff = engine.finishDiff()
    let t3 = monotonicNanoseconds()
    return (diff, t0, t1, t2, t3)
}

func whatIfBenchmark(_ arguments: [String]) {
    guard let options = whatIfOptions(arguments) else {
        FileHandle.standardError.write(Data(whatIfUsage.utf8))
        exit(2)
    }
    var random = SeededGenerator(seed: options.seed)
    var bench: [(String, String)] = []
    func record(_ key: String, _ value: Double, _ format: String = "%.3f") { bench.append((key, String(format: format, value))) }
    func record(_ key: String, _ value: Int) { bench.append((key, String(value))) }

    // Baseline: load and check, build (network + facts), first run.
    var analysis: Frontend.Analysis?
    let loadTime = seconds { analysis = Frontend.analyze(paths: [options.path]) }
    guard let analysis, let model = analysis.model, !analysis.hasErrors else { fail("\(options.path) has errors") }
    var built: Engine?
    let buildTime: Double
    let runTime: Double
    do {
        buildTime = try seconds { built = try Engine(program: model) }
        guard let built else { fail("no engine") }
        runTime = try seconds { try built.run() }
    } catch {
        fail("engine error: \(error)")
    }
    let engine = built!
    let baselineRSS = peakMemoryMiB()
    let stats = engine.statistics
    let initialCount = engine.recommendationCount
    print("\(options.path): \(model.facts.count) given facts (\(stats.facts) after the run), \(initialCount) recommendations, \(stats.rules) rules, \(stats.firings) firings")
    print(String(format: "  load+check   %9.1f ms", loadTime * 1e3))
    print(String(format: "  build        %9.1f ms", buildTime * 1e3))
    print(String(format: "  first run    %9.1f ms", runTime * 1e3))
    print(String(format: "  peak RSS     %9.1f MiB (after the baseline)", baselineRSS))
    record("given_facts", model.facts.count)
    record("facts", stats.facts)
    record("recommendations", initialCount)
    record("firings", stats.firings)
    record("load_check_ms", loadTime * 1e3)
    record("build_ms", buildTime * 1e3)
    record("first_run_ms", runTime * 1e3)
    record("peak_rss_baseline_mib", baselineRSS, "%.1f")

    let meta = readMeta(for: options.path)
    var checksFailed = 0
    func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition {
            checksFailed += 1
            print("  CHECK FAILED: \(message())")
        }
    }

    // The facts the what-ifs change, as the engine holds them.
    let trades = engine.facts(of: "Trade")
    let regions = engine.facts(of: "Region")
    let parks = engine.facts(of: "Park")
    guard !trades.isEmpty, !regions.isEmpty, !parks.isEmpty else {
        fail("FILE must be a policy workload with Trade, Region and Park facts")
    }

    // Sweep one Trade's volume from the baseline (so it can be checked against the
    // generator's expectations), then put the volume back.
    let plan = sweepPlan(meta: meta, options: options, trades: trades, random: &random)
    if let expected = plan.expectedInitial {
        check(initialCount == expected, "baseline has \(initialCount) recommendations, the generator expects \(expected)")
    }
    var sweepReport: [String] = []
    if options.sweep {
        guard let sweptID = engine.fact("Trade", key: [.string(plan.key)]),
              let sweptTrade = trades.first(where: { $0.id == sweptID }),
              let originalVolume = fieldValue(sweptTrade, "volume") else { fail("no Trade[\"\(plan.key)\"]") }
        let sweepValues = stride(from: plan.from, through: plan.to, by: plan.step).map { Value.float(Double($0)) }
        var sweep: SweepResult?
        let sweepStart = monotonicNanoseconds()
        do {
            sweep = try engine.sweep("Trade", key: [.string(plan.key)], field: "volume", values: sweepValues)
        } catch {
            fail("sweep: \(error)")
        }
        let sweepNanoseconds = monotonicNanoseconds() - sweepStart
        let sweepResult = sweep!
        let tipping = sweepResult.tippingPoints.map { point -> String in
            let value: String
            switch point.value {
            case .float(let number) where number == number.rounded(): value = String(Int(number))
            default: value = point.value.description
            }
            return "\(value) (+\(point.diff.added.count) -\(point.diff.removed.count))"
        }
        if let expected = plan.expectedTipping {
            let found = sweepResult.tippingPoints.compactMap { point -> Int? in
                if case .float(let number) = point.value { return Int(number) }
                return nil
            }
            check(found == expected, "sweep tipping points \(found), the generator expects \(expected)")
        }
        if let below = plan.expectedBelow, let above = plan.expectedAbove, let first = plan.expectedTipping?.first {
            let wrong = sweepResult.points.filter { point in
                guard case .float(let number) = point.value else { return true }
                return point.recommendations != (Int(number) < first ? below : above)
            }
            check(wrong.isEmpty, "\(wrong.count) sweep points disagree with the generator's counts \(below)/\(above)")
        }
        do {
            try engine.modify(sweptID, ["volume": originalVolume])
            try engine.run()
        } catch {
            fail("restoring the swept trade: \(error)")
        }
        check(engine.recommendationCount == initialCount,
              "after restoring the swept trade: \(engine.recommendationCount) recommendations, baseline \(initialCount)")
        let perPoint = Double(sweepNanoseconds) / Double(Swift.max(1, sweepValues.count)) / 1e3
        sweepReport = [
            "sweep Trade[\"\(plan.key)\"].volume over \(sweepValues.count) values \(plan.from)...\(plan.to) step \(plan.step), from the baseline",
            String(format: "  total %.1f ms, per point %.1f µs; ", Double(sweepNanoseconds) / 1e6, perPoint)
                + "\(sweepResult.tippingPoints.count) tipping point(s): \(tipping.joined(separator: ", ")); "
                + "counts \(sweepResult.startCount) → \(sweepResult.points.last?.recommendations ?? 0)",
        ]
        record("sweep_points", sweepValues.count)
        record("sweep_per_point_us", perPoint)
        record("sweep_tipping_points", sweepResult.tippingPoints.count)
    }

    // The what-if changes, drawn before timing.
    var changes: [WhatIfChange] = []
    changes.reserveCapacity(options.changes)
    for _ in 0..<options.changes {
        let draw = Double.random(in: 0..<1, using: &random)
        if draw < 0.7 {
            let fact = trades.randomElement(using: &random)!
            changes.append(WhatIfChange(kind: "trade", id: fact.id, field: "volume",
                                        value: .float(Double(Int.random(in: 0...1000, using: &random)))))
        } else if draw < 0.9 {
            let fact = regions.randomElement(using: &random)!
            changes.append(WhatIfChange(kind: "region", id: fact.id, field: "supply",
                                        value: .int(Int64.random(in: 100...1200, using: &random))))
        } else {
            let fact = parks.randomElement(using: &random)!
            changes.append(WhatIfChange(kind: "park", id: fact.id, field: "visitors",
                                        value: .int(Int64.random(in: 0...100_000, using: &random))))
        }
    }

    // The what-if loop: each timed as startDiff → modify → run → finishDiff, with the
    // parts timed too; every 100th is followed by a (separately timed) full read.
    var totals: [UInt64] = []
    var modifies: [UInt64] = []
    var runs: [UInt64] = []
    var diffs: [UInt64] = []
    var reads: [UInt64] = []
    var readOwnWhatIf: [UInt64] = []
    var kindTotals: [String: [UInt64]] = [:]
    totals.reserveCapacity(changes.count)
    var diffEntries = 0
    var setChanges = 0
    var expectedCount = engine.recommendationCount
    var readCount = 0
    for (index, change) in changes.enumerated() {
        do {
            let (diff, t0, t1, t2, t3) = try performWhatIf(engine, change)
            totals.append(t3 - t0)
            modifies.append(t1 - t0)
            runs.append(t2 - t1)
            diffs.append(t3 - t2)
            kindTotals[change.kind, default: []].append(t3 - t0)
            diffEntries += diff.added.count + diff.removed.count + diff.changed.count
            if diff.changesTheSet { setChanges += 1 }
            expectedCount += diff.added.count - diff.removed.count
            if options.readEvery > 0, (index + 1) % options.readEvery == 0 {
                readOwnWhatIf.append(t3 - t0)
                let r0 = monotonicNanoseconds()
                let all = engine.recommendations()
                let r1 = monotonicNanoseconds()
                reads.append(r1 - r0)
                readCount = all.count
                check(all.count == expectedCount, "after what-if \(index + 1): \(all.count) recommendations, the diffs say \(expectedCount)")
            }
        } catch {
            fail("what-if \(index + 1) (\(change.kind) fact \(change.id)): \(error)")
        }
    }
    check(engine.recommendationCount == expectedCount,
          "after the what-ifs: \(engine.recommendationCount) recommendations, the diffs say \(expectedCount)")
    let total = LatencySummary(nanoseconds: totals)
    let read = LatencySummary(nanoseconds: reads)
    print("what-if, \(changes.count) single-fact changes (seed \(options.seed)): startDiff → modify → run → finishDiff")
    print("  total        \(total.line)")
    print("  modify       \(LatencySummary(nanoseconds: modifies).line)")
    print("  run          \(LatencySummary(nanoseconds: runs).line)")
    print("  finishDiff   \(LatencySummary(nanoseconds: diffs).line)")
    for kind in ["trade", "region", "park"] {
        guard let samples = kindTotals[kind] else { continue }
        print("  \(kind.padding(toLength: 12, withPad: " ", startingAt: 0)) \(LatencySummary(nanoseconds: samples).line)")
    }
    let meanDiff = Double(diffEntries) / Double(changes.count)
    print(String(format: "  mean diff size %.2f entries (added+removed+changed); %d of %d changed the set",
                 meanDiff, setChanges, changes.count))
    record("whatifs", changes.count)
    record("whatif_p50_us", total.p50)
    record("whatif_p90_us", total.p90)
    record("whatif_p99_us", total.p99)
    record("whatif_mean_us", total.mean)
    record("whatif_max_us", total.max)
    record("whatif_modify_p50_us", LatencySummary(nanoseconds: modifies).p50)
    record("whatif_run_p50_us", LatencySummary(nanoseconds: runs).p50)
    record("whatif_diff_p50_us", LatencySummary(nanoseconds: diffs).p50)
    record("whatif_mean_diff_entries", meanDiff)
    record("whatif_set_changes", setChanges)
    if !reads.isEmpty {
        let own = LatencySummary(nanoseconds: readOwnWhatIf)
        print("read all (engine.recommendations(), every \(options.readEvery)th what-if, \(readCount) recommendations)")
        print("  read         \(read.line)")
        print(String(format: "  read p50 / what-if p50 = %.0f×  (the sampled what-ifs themselves: p50 %.1f µs)",
                     read.p50 / Swift.max(total.p50, 1e-9), own.p50))
        record("read_all_p50_us", read.p50)
        record("read_all_mean_us", read.mean)
        record("read_all_over_whatif_p50", read.p50 / Swift.max(total.p50, 1e-9), "%.1f")
    }

    // The sweep, measured above from the baseline.
    for line in sweepReport { print(line) }

    // Checkpoint → modify + run → rollback, as tests and the REPL use it.
    if options.checkpoints > 0 {
        var cycles: [UInt64] = []
        var changeParts: [UInt64] = []
        var rollbacks: [UInt64] = []
        let before = engine.recommendationCount
        for _ in 0..<options.checkpoints {
            let change = changes.randomElement(using: &random)!
            // A fresh value for a fact of the same kind as a random drawn change.
            let value: Value
            switch change.kind {
            case "trade": value = .float(Double(Int.random(in: 0...1000, using: &random)))
            case "region": value = .int(Int64.random(in: 100...1200, using: &random))
            default: value = .int(Int64.random(in: 0...100_000, using: &random))
            }
            do {
                let t0 = monotonicNanoseconds()
                let mark = engine.checkpoint()
                try engine.modify(change.id, [change.field: value])
                try engine.run()
                let t1 = monotonicNanoseconds()
                try engine.rollback(to: mark)
                let t2 = monotonicNanoseconds()
                cycles.append(t2 - t0)
                changeParts.append(t1 - t0)
                rollbacks.append(t2 - t1)
            } catch {
                fail("checkpoint cycle: \(error)")
            }
        }
        check(engine.recommendationCount == before,
              "after the rollbacks: \(engine.recommendationCount) recommendations, before them \(before)")
        let cycle = LatencySummary(nanoseconds: cycles)
        print("checkpoint → modify → run → rollback, \(options.checkpoints) random changes")
        print("  cycle        \(cycle.line)")
        print("  change       \(LatencySummary(nanoseconds: changeParts).line)")
        print("  rollback     \(LatencySummary(nanoseconds: rollbacks).line)")
        record("checkpoint_cycles", options.checkpoints)
        record("checkpoint_p50_us", cycle.p50)
        record("checkpoint_p90_us", cycle.p90)
        record("checkpoint_rollback_p50_us", LatencySummary(nanoseconds: rollbacks).p50)
    }

    let finalRSS = peakMemoryMiB()
    print(String(format: "peak RSS %.1f MiB at the end", finalRSS))
    record("peak_rss_mib", finalRSS, "%.1f")
    record("checks_failed", checksFailed)
    for (key, value) in bench { print("BENCH \(key) \(value)") }
    if checksFailed > 0 { exit(1) }
}
