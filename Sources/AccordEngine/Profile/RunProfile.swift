/// What `accord run --profile` reports (`Engine.profile()`): per rule, its activations,
/// firings and the time in its actions; per two-input node (join, `not`, `exists`,
/// aggregate), the sizes of its memories and the join tests it ran. Plain values.
public struct RunProfile: Sendable, Hashable {
    public struct Rule: Sendable, Hashable {
        public let name: String
        /// The rule's position in load order.
        public let order: Int
        /// Complete matches made (each became an activation), including those that went
        /// before they fired.
        public let activations: Int
        public let firings: Int
        /// In the rule's actions, the matching their changes caused included.
        public let time: Duration
        /// The part of `time` spent propagating the actions' changes through the network
        /// (and settling truth maintenance's retractions).
        public let matchingTime: Duration

        public init(name: String, order: Int, activations: Int, firings: Int, time: Duration, matchingTime: Duration) {
            self.name = name
            self.order = order
            self.activations = activations
            self.firings = firings
            self.time = time
            self.matchingTime = matchingTime
        }
    }

    public struct Node: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            case join
            case not
            case exists
            case aggregate
        }

        public let kind: Kind
        public let template: String
        /// The condition (or aggregate) as written in the first rule that uses the node,
        /// white space runs as one space.
        public let condition: String
        /// Where that condition is written.
        public let file: String
        public let line: Int
        public let column: Int
        /// The rules whose chains pass through it (nodes are shared), in load order.
        public let rules: [String]
        /// Tokens in its beta memory (the partial matches from its parent).
        public let leftTokens: Int
        /// Facts in its alpha memory that it indexed.
        public let rightFacts: Int
        /// Token–fact pairs its hash index brought together, whose remaining tests then ran.
        public let joinTests: Int

        public init(kind: Kind, template: String, condition: String, file: String, line: Int, column: Int, rules: [String],
                    leftTokens: Int, rightFacts: Int, joinTests: Int) {
            self.kind = kind
            self.template = template
            self.condition = condition
            self.file = file
            self.line = line
            self.column = column
            self.rules = rules
            self.leftTokens = leftTokens
            self.rightFacts = rightFacts
            self.joinTests = joinTests
        }
    }

    /// Slowest first; ties in load order.
    public let rules: [Rule]
    /// Most join tests first; ties by the order the rules reach them.
    public let nodes: [Node]
    /// Propagation no rule's action caused: loading the facts, a scenario's changes.
    public let matchingOutsideRules: Duration

    public init(rules: [Rule], nodes: [Node], matchingOutsideRules: Duration) {
        self.rules = rules.sorted { ($0.time, $1.order) > ($1.time, $0.order) }
        self.nodes = nodes
        self.matchingOutsideRules = matchingOutsideRules
    }
}
