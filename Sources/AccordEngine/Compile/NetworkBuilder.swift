import AccordCheck
import AccordSyntax

/// Compiles checked rules into the network (Doorenbos §2.9, building the network):
/// each condition becomes a node under the previous one; aggregates get a node of
/// their own just before the condition (or the actions) that read them. Nodes with
/// the same parent and the same test are shared between rules.
struct NetworkBuilder {
    let network: Network
    let compiler: ExpressionCompiler
    private var shared: [String: any BetaNode] = [:]

    init(network: Network) {
        self.network = network
        self.compiler = ExpressionCompiler(symbols: network.symbols)
    }

    mutating func build(_ rules: [RuleDeclaration]) throws {
        for (index, declaration) in rules.enumerated() {
            network.rules.append(try compile(declaration, index: index))
        }
        network.recursion = RecursionAnalysis(rules, templates: network.templatesByName)
        Self.claimTokenMemos(from: network.root)
        for successor in network.root.successors {
            try successor.leftActivate(network.rootToken, in: network)
        }
    }

    /// Gives each node's first successor that keeps per-token state the tokens' memo
    /// (`Token.memo`). The network is complete: no successor is added after this.
    private static func claimTokenMemos(from root: any BetaNode) {
        var stack: [any BetaNode] = [root]
        var seen = Set<ObjectIdentifier>()
        while let node = stack.popLast() {
            guard seen.insert(ObjectIdentifier(node)).inserted else { continue }
            var claimed = false
            for successor in node.successors {
                if !claimed, let user = successor as? any TokenMemoUser {
                    user.claimsTokenMemo = true
                    claimed = true
                }
                stack.append(successor)
            }
        }
    }

    private mutating func compile(_ rule: RuleDeclaration, index: Int) throws -> CompiledRule {
        var chain = Chain(parent: network.root, level: 0, scope: CompileScope(), parentKey: "root")
        var conditionLevels: [Int] = []
        for condition in rule.conditions {
            try addAggregates(in: Self.expressions(of: condition), to: &chain)
            conditionLevels.append(chain.level)
            try add(condition, to: &chain)
        }
        try addAggregates(in: rule.actions.flatMap(Self.expressions(of:)), to: &chain)
        let production = ProductionNode(rule: index)
        chain.parent.successors.append(production)
        let actions = try rule.actions.map { try compileAction($0, scope: chain.scope) }
        return CompiledRule(
            index: index, name: rule.name.name, title: rule.title?.value, salience: salience(of: rule),
            tags: rule.tags.map(\.name), cite: rule.cite?.value, declaration: rule, actions: actions,
            conditionLevels: conditionLevels, levelCount: chain.level, production: production,
            layout: RuleLayout(rule, templates: network.templatesByName))
    }

    private func salience(of rule: RuleDeclaration) -> Int {
        guard let expression = rule.salience, let value = ConstantEvaluator.evaluate(expression, as: .int),
              case .int(let number) = value else { return 0 }
        return Int(number)
    }

    /// Where the next node goes.
    struct Chain {
        var parent: any BetaNode
        var level: Int
        var scope: CompileScope
        var parentKey: String
    }

    private mutating func add(_ condition: Condition, to chain: inout Chain) throws {
        switch condition {
        case .match(let binding, let pattern, _):
            let template = try model(pattern.template)
            let (alpha, spec) = try plan(pattern, template: template, scope: chain.scope)
            let key = signature(chain, "join", alpha.signature, spec.signature, pattern.constraints)
            let level = chain.level
            let node = attach(key, to: chain) {
                let join = JoinNode(level: level, alpha: alpha, spec: spec, signature: key)
                alpha.successors.append(join)
                return join
            }
            if let binding {
                chain.scope.bindings[binding.name] = .init(level: chain.level, template: template)
            }
            advance(&chain, to: node, key: key)
        case .not(let pattern, _), .exists(let pattern, _):
            let isExists = if case .exists = condition { true } else { false }
            let template = try model(pattern.template)
            let (alpha, spec) = try plan(pattern, template: template, scope: chain.scope)
            let key = signature(chain, isExists ? "exists" : "not", alpha.signature, spec.signature, pattern.constraints)
            let level = chain.level
            let node = attach(key, to: chain) {
                let negative = NegativeNode(level: level, alpha: alpha, spec: spec, isExists: isExists, signature: key)
                alpha.successors.append(negative)
                return negative
            }
            advance(&chain, to: node, key: key)
        case .test(let expression, _):
            let test = try compiler.compile(expression, in: chain.scope)
            let key = signature(chain, "test", test.source, "", [expression])
            let level = chain.level
            let node = attach(key, to: chain) { TestNode(level: level, test: test, signature: key) }
            advance(&chain, to: node, key: key)
        }
    }

    private mutating func addAggregates(in expressions: [Expression], to chain: inout Chain) throws {
        for expression in expressions {
            for aggregate in ExpressionAnalysis.aggregates(in: expression) {
                guard case .aggregate(let function, let pattern, let value) = aggregate.kind,
                      chain.scope.aggregateLevels[aggregate.span] == nil else { continue }
                let template = try model(pattern.template)
                let (alpha, spec) = try plan(pattern, template: template, scope: chain.scope)
                var valueScope = chain.scope
                valueScope.current = template
                let compiledValue = try value.map { try compiler.compile($0, in: valueScope) }
                let key = signature(chain, "aggregate:\(function.rawValue):\(compiledValue?.source ?? "")", alpha.signature,
                                    spec.signature, pattern.constraints + (value.map { [$0] } ?? []))
                let level = chain.level
            let node = attach(key, to: chain) {
                    let node = AggregateNode(level: level, alpha: alpha, spec: spec, function: function,
                                             value: compiledValue, signature: key)
                    alpha.successors.append(node)
                    return node
                }
                chain.scope.aggregateLevels[aggregate.span] = chain.level
                advance(&chain, to: node, key: key)
            }
        }
    }

    private mutating func attach(_ key: String, to chain: Chain, make: () -> any BetaNode) -> any BetaNode {
        if let existing = shared[key] { return existing }
        let node = make()
        chain.parent.successors.append(node)
        shared[key] = node
        return node
    }

    private func advance(_ chain: inout Chain, to node: any BetaNode, key: String) {
        chain.parent = node
        chain.level += 1
        chain.parentKey = key
    }

    /// Identifies a node for sharing: its parent, kind and tests, and the levels of the
    /// bindings its tests read (two rules share only when those agree).
    private func signature(_ chain: Chain, _ kind: String, _ alpha: String, _ spec: String, _ expressions: [Expression]) -> String {
        let bindings = ExpressionAnalysis.variables(in: expressions).sorted()
            .map { "\($0)=\(chain.scope.bindings[$0]?.level ?? -1)" }.joined(separator: ",")
        let aggregates = chain.scope.aggregateLevels.values.sorted().map(String.init).joined(separator: ",")
        return "\(chain.parentKey)/\(kind)[\(alpha)][\(spec)][\(bindings)][\(aggregates)]"
    }

    func model(_ name: Identifier) throws -> TemplateModel {
        guard let template = network.template(named: name.name) else {
            throw CompileError(message: "unknown template `\(name.name)`", span: name.span)
        }
        return template
    }

    static func expressions(of condition: Condition) -> [Expression] {
        switch condition {
        case .match(_, let pattern, _), .not(let pattern, _), .exists(let pattern, _): pattern.constraints
        case .test(let expression, _): [expression]
        }
    }

    static func expressions(of action: Action) -> [Expression] {
        switch action {
        case .recommend(let text, let fields, _): [text] + fields.map(\.value)
        case .derive(let record, _), .assert(let record, _): record.fields.map(\.value)
        case .modify(_, let fields, _): fields.map(\.value)
        case .print(let expression, _): [expression]
        case .retract, .halt: []
        }
    }
}
