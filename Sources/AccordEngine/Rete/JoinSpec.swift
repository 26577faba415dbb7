/// How a token and a fact are matched: equalities between the fact's fields and values
/// computed from the token (hashed on both sides); at most one membership, either
/// `value in fact.list` (the fact filed under each element) or `fact.field in list`
/// (the token filed under each element); and the remaining tests, evaluated only for
/// the pairs the hashes bring together.
struct JoinSpec {
    var equalities: [(field: Int, value: CompiledExpression)] = []
    var membership: (field: Int, value: CompiledExpression)?
    var listProbe: (field: Int, list: CompiledExpression)?
    var tests: [CompiledExpression] = []

    var signature: String {
        equalities.map { "\($0.field)==\($0.value.source)" }.joined(separator: ",")
            + "|" + (membership.map { "\($0.value.source) in \($0.field)" } ?? "")
            + "|" + (listProbe.map { "\($0.field) in \($0.list.source)" } ?? "")
            + "|" + tests.map(\.source).joined(separator: ",")
    }

    /// The index keys a token is filed under and looks up.
    func leftKeys(_ token: Token, in network: Network) throws -> [JoinKey] {
        let context = EvaluationContext(network: network, token: token, current: nil)
        let base = try equalities.map { try $0.value.evaluate(context) }
        if let membership { return [JoinKey(base + [try membership.value.evaluate(context)])] }
        if let listProbe {
            guard case .list(let elements) = try listProbe.list.evaluate(context) else { return [] }
            return JoinSpec.distinct(elements).map { JoinKey(base + [$0]) }
        }
        return [JoinKey(base)]
    }

    /// Whether every token and fact is filed under exactly one key (no membership
    /// test): the common case, indexed without a list of keys.
    var hasSingleKey: Bool { membership == nil && listProbe == nil }

    /// The one key a token is filed under when `hasSingleKey`.
    func leftKey(_ token: Token, in network: Network) throws -> JoinKey {
        let context = EvaluationContext(network: network, token: token, current: nil)
        switch equalities.count {
        case 0:
            return .none
        case 1:
            return .one(try equalities[0].value.evaluate(context))
        case 2:
            return .two(try equalities[0].value.evaluate(context), try equalities[1].value.evaluate(context))
        case 3:
            return .three(try equalities[0].value.evaluate(context), try equalities[1].value.evaluate(context),
                          try equalities[2].value.evaluate(context))
        default:
            var key: [Datum] = []
            key.reserveCapacity(equalities.count)
            for equality in equalities { key.append(try equality.value.evaluate(context)) }
            return .many(key)
        }
    }

    /// The one key a fact is filed under when `hasSingleKey`.
    func rightKey(_ values: [Datum]) -> JoinKey {
        switch equalities.count {
        case 0: return .none
        case 1: return .one(values[equalities[0].field])
        case 2: return .two(values[equalities[0].field], values[equalities[1].field])
        case 3: return .three(values[equalities[0].field], values[equalities[1].field], values[equalities[2].field])
        default: return .many(equalities.map { values[$0.field] })
        }
    }

    /// The index keys a fact is filed under.
    func rightKeys(_ values: [Datum]) -> [JoinKey] {
        let base = equalities.map { values[$0.field] }
        if let listProbe { return [JoinKey(base + [values[listProbe.field]])] }
        guard let membership else { return [JoinKey(base)] }
        guard case .list(let elements) = values[membership.field] else { return [] }
        return JoinSpec.distinct(elements).map { JoinKey(base + [$0]) }
    }

    private static func distinct(_ elements: [Datum]) -> [Datum] {
        var seen = Set<Datum>()
        return elements.filter { seen.insert($0).inserted }
    }

    /// Whether a fact the hashes brought to a token is live and passes the tests.
    func accepts(_ token: Token, _ fact: FactID, in network: Network) throws -> Bool {
        guard network.memory.isAlive(fact) else { return false }
        return try tests.isEmpty || passes(token, network.memory.values(of: fact), in: network)
    }

    func passes(_ token: Token, _ values: [Datum], in network: Network) throws -> Bool {
        guard !tests.isEmpty else { return true }
        let context = EvaluationContext(network: network, token: token, current: values)
        for test in tests where !(try test.evaluate(context).asBool) {
            return false
        }
        return true
    }
}

/// The values a token and a fact are matched on. Most joins test one equality, whose
/// key needs no array (no allocation, one value to hash).
enum JoinKey: Hashable {
    case none
    case one(Datum)
    case two(Datum, Datum)
    case three(Datum, Datum, Datum)
    case many([Datum])

    init(_ values: [Datum]) {
        switch values.count {
        case 0: self = .none
        case 1: self = .one(values[0])
        case 2: self = .two(values[0], values[1])
        case 3: self = .three(values[0], values[1], values[2])
        default: self = .many(values)
        }
    }
}

/// Both hash indexes of a two-input node: left tokens by key, right facts by key.
///
/// Left buckets are plain arrays in filing order. A token leaves the left index only
/// when it dies (`Network.remove` marks it dead before it tells the successors), so
/// leaving costs nothing at once: readers skip dead tokens, and one sweep drops them
/// when they outnumber the live ones. That keeps iteration deterministic and removal
/// amortised O(1) without hashing the token or remembering its key.
///
/// Right buckets are insertion-ordered sets: a fact leaves an index alive when it is
/// modified, and comes back under its new key. Its old key is computed again from its
/// old values, which stay readable until it is filed anew.
struct JoinIndexes {
    private var left: [JoinKey: [Token]] = [:]
    private var right: [JoinKey: StableSet<FactID>] = [:]
    private var deadTokens = 0
    /// The tokens filed on the left (the beta memory).
    private(set) var tokenCount = 0
    /// The facts filed on the right (the alpha memory's facts this node indexed).
    private(set) var factCount = 0
    /// Token–fact pairs the hashes brought together and the remaining tests then
    /// examined; counted only while the network has a profiler.
    private(set) var joinTests = 0

    mutating func insert(_ token: Token, keys: [JoinKey]) {
        for key in keys { left[key, default: []].append(token) }
        tokenCount += 1
    }

    private mutating func insert(_ token: Token, key: JoinKey) {
        left[key, default: []].append(token)
        tokenCount += 1
    }

    /// A dead token leaves the index (see the type's comment).
    mutating func remove(_ token: Token) {
        tokenCount -= 1
        deadTokens += 1
        if deadTokens > 64, deadTokens > tokenCount { sweepDeadTokens() }
    }

    private mutating func sweepDeadTokens() {
        var emptied: [JoinKey] = []
        // Walks by index rather than `for index in left.indices`: the `indices` value
        // would share the dictionary's storage, and the first write would copy all of it.
        var index = left.startIndex
        while index != left.endIndex {
            left.values[index].removeAll { !$0.alive }
            if left.values[index].isEmpty { emptied.append(left.keys[index]) }
            left.formIndex(after: &index)
        }
        for key in emptied { left.removeValue(forKey: key) }
        deadTokens = 0
    }

    /// The live tokens filed under a key.
    func tokens(_ key: JoinKey) -> [Token] { left[key]?.filter(\.alive) ?? [] }

    mutating func insert(_ fact: FactID, keys: [JoinKey]) {
        var filed = false
        for key in keys where right[key, default: StableSet()].insert(fact) { filed = true }
        if filed { factCount += 1 }
    }

    private mutating func insert(_ fact: FactID, key: JoinKey) {
        if right[key, default: StableSet()].insert(fact) { factCount += 1 }
    }

    /// Unfiles a fact filed with `values`; returns the keys it was filed under.
    @discardableResult
    mutating func remove(_ fact: FactID, _ spec: JoinSpec, values: [Datum]) -> [JoinKey] {
        let keys = spec.hasSingleKey ? [spec.rightKey(values)] : spec.rightKeys(values)
        var unfiled = false
        for key in keys {
            guard let index = right.index(forKey: key), right.values[index].remove(fact) else { continue }
            unfiled = true
            if right.values[index].isEmpty { right.remove(at: index) }
        }
        if unfiled { factCount -= 1 }
        return keys
    }

    func facts(_ key: JoinKey) -> [FactID] { right[key]?.elements ?? [] }
}

/// The moves every two-input node makes (join, negative, aggregate): file what arrives
/// in its index and find what it matches on the other side.
extension JoinIndexes {
    /// Files a token under its one key (`spec.hasSingleKey`); returns the facts filed
    /// under the same key, as they stand (the caller checks liveness and the tests).
    mutating func fileUnderSingleKey(_ token: Token, _ spec: JoinSpec, in network: Network) throws -> StableSet<FactID>? {
        let key = try spec.leftKey(token, in: network)
        insert(token, key: key)
        guard let bucket = right[key] else { return nil }
        if network.profiler != nil { joinTests += bucket.count }
        return bucket
    }

    /// Files a token; returns how many live facts it matches, without listing them.
    mutating func fileAndCount(_ token: Token, _ spec: JoinSpec, in network: Network) throws -> Int {
        guard spec.hasSingleKey else { return try file(token, spec, in: network).count }
        guard let bucket = try fileUnderSingleKey(token, spec, in: network) else { return 0 }
        var count = 0
        try bucket.forEach { fact in
            if try spec.accepts(token, fact, in: network) { count += 1 }
        }
        return count
    }

    /// Files a token; returns the live facts it matches.
    mutating func file(_ token: Token, _ spec: JoinSpec, in network: Network) throws -> [FactID] {
        var matches: [FactID] = []
        if spec.hasSingleKey {
            try fileUnderSingleKey(token, spec, in: network)?.forEach { fact in
                if try spec.accepts(token, fact, in: network) { matches.append(fact) }
            }
            return matches
        }
        let keys = try spec.leftKeys(token, in: network)
        insert(token, keys: keys)
        for key in keys { try collect(right[key], token, spec, in: network, into: &matches) }
        return matches
    }

    private mutating func collect(_ bucket: StableSet<FactID>?, _ token: Token, _ spec: JoinSpec, in network: Network,
                                  into matches: inout [FactID]) throws {
        guard let bucket else { return }
        if network.profiler != nil { joinTests += bucket.count }
        try bucket.forEach { fact in
            if try spec.accepts(token, fact, in: network) { matches.append(fact) }
        }
    }

    /// Files a fact; returns the live tokens it matches.
    mutating func file(_ fact: FactID, _ spec: JoinSpec, in network: Network) throws -> [Token] {
        let values = network.memory.values(of: fact)
        if spec.hasSingleKey {
            let key = spec.rightKey(values)
            insert(fact, key: key)
            var matches: [Token] = []
            try collect(left[key], values, spec, in: network, into: &matches)
            return matches
        }
        let keys = spec.rightKeys(values)
        insert(fact, keys: keys)
        return try matches(of: values, under: keys, spec, in: network)
    }

    /// Unfiles a fact; returns the live tokens it matched (its values are still readable).
    mutating func unfile(_ fact: FactID, _ spec: JoinSpec, in network: Network) throws -> [Token] {
        let values = network.memory.values(of: fact)
        return try matches(of: values, under: remove(fact, spec, values: values), spec, in: network)
    }

    private mutating func matches(of values: [Datum], under keys: [JoinKey], _ spec: JoinSpec, in network: Network) throws -> [Token] {
        var matches: [Token] = []
        for key in keys { try collect(left[key], values, spec, in: network, into: &matches) }
        return matches
    }

    private mutating func collect(_ bucket: [Token]?, _ values: [Datum], _ spec: JoinSpec, in network: Network,
                                  into matches: inout [Token]) throws {
        guard let bucket else { return }
        let counting = network.profiler != nil
        for token in bucket {
            guard token.alive else { continue }
            if counting { joinTests += 1 }
            if spec.tests.isEmpty {
                matches.append(token)
            } else if try spec.passes(token, values, in: network) {
                matches.append(token)
            }
        }
    }
}
