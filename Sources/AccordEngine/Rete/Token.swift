/// A partial match (Doorenbos §2.3): one element per condition level, linked to its
/// parent. A level holds a fact (positive pattern), an aggregate value, or nothing
/// (`not`, `exists`, `test`). Tokens form a tree under the root token so that removing
/// one removes every extension of it (tree-based removal, Doorenbos §4.3).
final class Token {
    let parent: Token?
    let level: Int
    let fact: FactID
    let slot: Datum?
    /// The node that produced this token; its successors were left-activated with it.
    /// Not retained: nodes hold tokens, and the network holds every node for its life.
    unowned(unsafe) let node: any BetaNode
    @exclusivity(unchecked) var children: [Token] = []
    /// Where this token sits in its parent's `children`, so leaving is O(1): the root
    /// token alone has a child for every first-level match (10⁵ at 100k facts).
    @exclusivity(unchecked) var indexInParent = -1
    @exclusivity(unchecked) var alive = true
    /// What one successor of `node` keeps about this token (the node that `claimsTokenMemo`
    /// among them): a negative node's count, or a production node's activation. Kept
    /// here rather than in a dictionary keyed by the token's identity, which cost a
    /// hash per token on the way in and another on the way out.
    @exclusivity(unchecked) var memo = TokenMemo.none

    init(parent: Token?, level: Int, fact: FactID = -1, slot: Datum? = nil, node: any BetaNode) {
        self.parent = parent
        self.level = level
        self.fact = fact
        self.slot = slot
        self.node = node
    }

    /// The token of an earlier level on this token's path.
    /// Walks parents without retaining them: each is kept alive by its child.
    func at(level wanted: Int) -> Token? {
        unowned(unsafe) var current: Token = self
        while current.level > wanted {
            guard let parent = current.parent else { return nil }
            current = parent
        }
        return current.level == wanted ? current : nil
    }

    /// The facts of the path, root first, one per fact-holding level.
    var facts: [FactID] {
        var result: [FactID] = []
        var current: Token? = self
        while let token = current {
            if token.fact >= 0 { result.append(token.fact) }
            current = token.parent
        }
        return result.reversed()
    }
}

/// Per-token state of one successor node (see `Token.memo`).
enum TokenMemo {
    case none
    case negative(NegativeState)
    case activation(Activation)
}

/// A negative or exists node's state for one token: how many facts match it, and the
/// child token it passed on, if it passes.
struct NegativeState {
    var count: Int
    var child: Token?
}

/// A node of the beta network. It is left-activated with each token its parent
/// produces, and told when one of those tokens goes.
protocol BetaNode: AnyObject {
    var successors: [any BetaNode] { get set }
    func leftActivate(_ token: Token, in network: Network) throws
    func leftRetract(_ token: Token, in network: Network)
}

/// A successor that can keep its per-token state in `Token.memo`. One successor of each
/// node may (a token has one memo); the others keep a dictionary. The network claims
/// the memo for its successors once it is built, before the first token exists.
protocol TokenMemoUser: BetaNode {
    var claimsTokenMemo: Bool { get set }
}
