/// The facts, by id, with two indexes: keyed facts by key (`Region["Jilin"]` in O(1)),
/// unkeyed facts by their whole value, so a second identical fact adds nothing (as in CLIPS)
/// and a derived fact finds its twin.
struct WorkingMemory {
    private(set) var facts: [FactRecord] = []
    private var byKey: [Int: [[Datum]: FactID]] = [:]
    private var byValue: [Int: [[Datum]: FactID]] = [:]
    private(set) var liveCount = 0
    private var clock = 0
    /// At most this many live facts (`--max-facts`): a runaway rule stops with an error
    /// while memory is still bounded, rather than when the machine runs out of it.
    var maxFacts = Int.max

    let templates: [TemplateModel]

    init(templates: [TemplateModel]) {
        self.templates = templates
    }

    subscript(id: FactID) -> FactRecord {
        facts[id]
    }

    /// A fact's values, without copying the rest of its record.
    func values(of id: FactID) -> [Datum] {
        facts[id].values
    }

    /// A fact's timetag, without copying the rest of its record.
    func timetag(of id: FactID) -> Int {
        facts[id].timetag
    }

    func isAlive(_ id: FactID) -> Bool {
        id >= 0 && id < facts.count && facts[id].alive
    }

    /// The live fact with the same identity: the same key, or for an unkeyed template
    /// the same values.
    func twin(template: Int, values: [Datum]) -> FactID? {
        let model = templates[template]
        if model.isKeyed {
            return byKey[template]?[model.key(of: values)]
        }
        return byValue[template]?[values]
    }

    func fact(template: Int, key: [Datum]) -> FactID? {
        byKey[template]?[key]
    }

    mutating func nextTimetag() -> Int {
        clock += 1
        return clock
    }

    /// Adds a fact; the caller has made sure no twin exists. Refuses one past `maxFacts`;
    /// the caller knows which rule or change was adding it.
    mutating func add(template: Int, values: [Datum], cite: String?, origin: FactRecord.Origin) throws(FactLimitReached) -> FactID {
        guard liveCount < maxFacts else { throw FactLimitReached(limit: maxFacts, template: template) }
        let id = facts.count
        facts.append(FactRecord(template: template, values: values, timetag: nextTimetag(), alive: true, cite: cite, origin: origin))
        index(id)
        liveCount += 1
        return id
    }

    /// Removes a live fact. Its supports are dropped unless `keepingSupports`: a diff
    /// being recorded explains what went with them.
    mutating func remove(_ id: FactID, keepingSupports: Bool = false) {
        guard isAlive(id) else { return }
        unindex(id)
        facts[id].alive = false
        if !keepingSupports { facts[id].supports.removeAll() }
        liveCount -= 1
    }

    /// Brings a removed fact back under its old id (rederivation after over-deletion).
    mutating func revive(_ id: FactID) {
        guard id >= 0, id < facts.count, !facts[id].alive else { return }
        facts[id].alive = true
        facts[id].timetag = nextTimetag()
        index(id)
        liveCount += 1
    }

    /// Brings a removed fact back under its old id and timetag (undoing a retraction).
    mutating func revive(_ id: FactID, timetag: Int) {
        guard id >= 0, id < facts.count, !facts[id].alive else { return }
        facts[id].alive = true
        facts[id].timetag = timetag
        index(id)
        liveCount += 1
    }

    /// Old values and timetag back (undoing a `modify`); the fact may be live or removed.
    mutating func restore(_ id: FactID, values: [Datum], timetag: Int) {
        let alive = facts[id].alive
        if alive { unindex(id) }
        facts[id].values = values
        facts[id].timetag = timetag
        if alive { index(id) }
    }

    /// New values for a live fact: same id, fresh timetag.
    mutating func update(_ id: FactID, values: [Datum]) {
        unindex(id)
        facts[id].values = values
        facts[id].timetag = nextTimetag()
        index(id)
    }

    mutating func setSupports(_ id: FactID, _ supports: [Int]) {
        facts[id].supports = supports
    }

    mutating func addSupport(_ id: FactID, _ activation: Int) {
        facts[id].supports.append(activation)
    }

    mutating func setOrigin(_ id: FactID, _ origin: FactRecord.Origin) {
        facts[id].origin = origin
    }

    private mutating func index(_ id: FactID) {
        let fact = facts[id]
        let model = templates[fact.template]
        if model.isKeyed {
            byKey[fact.template, default: [:]][model.key(of: fact.values)] = id
        } else {
            byValue[fact.template, default: [:]][fact.values] = id
        }
    }

    private mutating func unindex(_ id: FactID) {
        let fact = facts[id]
        let model = templates[fact.template]
        if model.isKeyed {
            byKey[fact.template]?[model.key(of: fact.values)] = nil
        } else {
            byValue[fact.template]?[fact.values] = nil
        }
    }

    /// Live fact ids in id order.
    var liveIDs: [FactID] {
        facts.indices.filter { facts[$0].alive }
    }
}

/// Working memory is full (`WorkingMemory.maxFacts`); the network turns this into
/// `EngineError.factLimit` with the rule or change that was adding the fact.
struct FactLimitReached: Error {
    let limit: Int
    let template: Int
}
