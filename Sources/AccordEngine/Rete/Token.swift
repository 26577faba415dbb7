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
    /// The children, in the order they were made, as an intrusive doubly linked list:
    /// adding and leaving are O(1) and allocate nothing (an array of children cost an
    /// allocation per parent and more as it grew; the root token alone has a child for
    /// every first-level match, 10⁵ at 100k facts). Each token holds its first child
    /// and next sibling; the back links are unowned, kept alive by those forward links.
    @exclusivity(unchecked) var firstChild: Token?
    @exclusivity(unchecked) unowned(unsafe) var lastChild: Token?
    @exclusivity(unchecked) var nextSibling: Token?
    @exclusivity(unchecked) unowned(unsafe) var previousSibling: Token?
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

    /// The live and dead children in the order they were made (explanations, coverage).
    var children: [Token] {
        var result: [Token] = []
        var child = firstChild
        while let current = child {
            result.append(current)
            child = current.nextSibling
        }
        return result
    }

    func append(child: Token) {
        if let last = lastChild {
            last.nextSibling = child
            child.previousSibling = last
        } else {
            firstChild = child
        }
        lastChild = child
    }

    func unlink(child: Token) {
        let next = child.nextSibling
        let previous = child.previousSibling
        if let previous { previous.nextSibling = next } else { firstChild = next }
        if let next { next.previousSibling = previous } else { lastChild = previous }
        child.nextSibling = nil
        child.previousSibling = nil
    }

    /// Cuts every child off and returns them in order: the tree is being taken down.
    func detachChildren() -> [Token] {
        var result: [Token] = []
        var child = firstChild
        firstChild = nil
        lastChild = nil
        while let current = child {
            result.append(current)
            child = current.nextSibling
            current.nextSibling = nil
            current.previousSibling = nil
        }
        return result
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

    /// The fact an earlier level on this token's path holds, or -1 when that level holds
    /// none. Reads through without retaining any token: every `$x.field` read asks this.
    func fact(at wanted: Int) -> FactID {
        unowned(unsafe) var current: Token = self
        while current.level > wanted {
            guard let parent = current.parent else { return -1 }
            current = parent
        }
        return current.level == wanted ? current.fact : -1
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
