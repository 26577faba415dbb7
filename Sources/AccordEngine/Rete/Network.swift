import AccordCheck
import AccordSyntax

/// The Rete network with its working memory, agenda and truth maintenance: the state
/// of one engine session. Everything here runs on one thread; results leave as values.
///
/// Changes propagate synchronously through the network as facts come and go;
/// retractions that truth maintenance causes are queued and settled in a loop, so a
/// long chain of derivations never deepens the stack.
///
/// The hot mutable state of the network and its nodes is `@exclusivity(unchecked)`:
/// Swift checks every access to a class's `var` at run time (`swift_beginAccess`, 10%
/// of the instructions of a Manners run). The engine runs on one thread and no access
/// here overlaps another; the test suite ran with the checks on before they were
/// turned off, and the differential and property tests guard the code that touches it.
final class Network {
    let symbols = SymbolTable()
    @exclusivity(unchecked) var memory: WorkingMemory
    let templates: [TemplateModel]
    let templatesByName: [String: TemplateModel]
    @exclusivity(unchecked) var alphaMemories: [[AlphaMemory]]
    @exclusivity(unchecked) var rules: [CompiledRule] = []
    let root: RootNode
    let rootToken: Token
    /// Tokens whose own level holds a fact, indexed by fact id (fact ids are dense):
    /// what to remove when the fact goes.
    @exclusivity(unchecked) var tokensOfFact: [[Token]] = []
    @exclusivity(unchecked) var agenda = Agenda()
    @exclusivity(unchecked) var activations = ActivationTable()
    /// Each template's default values, filled in on first use (`values(_:_:in:)`).
    @exclusivity(unchecked) var templateDefaults: [Int: [Datum]] = [:]
    @exclusivity(unchecked) var nextActivationID = 0
    @exclusivity(unchecked) var truth = TruthMaintenance()
    @exclusivity(unchecked) var recommendations = RecommendationStore()
    /// Which logical results can support themselves through rules (recursive derivation).
    @exclusivity(unchecked) var recursion = RecursionAnalysis([], templates: [:])
    @exclusivity(unchecked) var firings = 0
    @exclusivity(unchecked) var halted: String?
    /// The rule whose action was running when the last error stopped a run.
    var failedWhileFiring: String?
    var printer: (String) -> Void = { _ in }
    /// Set while a checkpoint is open: what to undo on rollback.
    @exclusivity(unchecked) var journal: ChangeJournal?
    /// Set while a diff is being recorded: the recommendations a change touched.
    @exclusivity(unchecked) var tracker: RecommendationTracker?
    /// Set while coverage is recorded (`accord test --coverage`): the firings of each
    /// rule, by rule index, since counting started. Nil otherwise, at no cost.
    @exclusivity(unchecked) var firingsByRule: [Int]?
    /// Set for `accord run --profile`: counters and clocks. Nil otherwise, so each hot
    /// path pays one nil test.
    @exclusivity(unchecked) var profiler: Profiler?

    init(program: CheckedProgram) {
        let models = program.templates.enumerated().map { TemplateModel(id: $0.offset, info: $0.element) }
        templates = models
        templatesByName = Dictionary(models.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        memory = WorkingMemory(templates: models)
        alphaMemories = Array(repeating: [], count: models.count)
        let rootNode = RootNode()
        root = rootNode
        rootToken = Token(parent: nil, level: -1, node: rootNode)
    }

    deinit {
        // Tokens point both ways (parent and children): break the cycles.
        var stack: [Token] = [rootToken]
        while let token = stack.popLast() {
            token.memo = .none  // an activation or a negative state points back at the token
            stack.append(contentsOf: token.detachChildren())
        }
        // A join, negative or aggregate node holds its alpha memory, which lists it.
        for memories in alphaMemories {
            for memory in memories { memory.successors = [] }
        }
    }

    var operations: Operations { Operations(symbols: symbols) }

    func template(named name: String) -> TemplateModel? { templatesByName[name] }

    /// The alpha memory for a template and tests, shared between patterns.
    func alphaMemory(template: Int, tests: [CompiledExpression]) -> AlphaMemory {
        let signature = templates[template].name + "(" + tests.map(\.source).joined(separator: ", ") + ")"
        if let existing = alphaMemories[template].first(where: { $0.signature == signature }) {
            return existing
        }
        let alpha = AlphaMemory(template: template, tests: tests, signature: signature)
        alphaMemories[template].append(alpha)
        return alpha
    }
}

/// The top of the beta network: it holds the one empty token every match extends.
final class RootNode: BetaNode {
    var successors: [any BetaNode] = []
    func leftActivate(_ token: Token, in network: Network) throws {}
    func leftRetract(_ token: Token, in network: Network) {}
}

/// The activations still needed (waiting, or fired and supporting something), indexed
/// by id: ids are dense and increasing, so an array replaces a hashed dictionary.
struct ActivationTable {
    private var slots: [Activation?] = []

    subscript(id: Int) -> Activation? {
        get { id >= 0 && id < slots.count ? slots[id] : nil }
        set {
            guard id >= 0 else { return }
            if id >= slots.count {
                guard newValue != nil else { return }
                slots.append(contentsOf: repeatElement(nil, count: id + 1 - slots.count))
            }
            slots[id] = newValue
        }
    }
}
