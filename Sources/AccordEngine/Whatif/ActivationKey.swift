/// A match named by what it matched rather than by fact ids: the rule, the template and
/// values of each matched fact, and each aggregate value. Undoing a change brings facts
/// back, and truth maintenance derives logical facts again under new ids; the match on
/// them is the same match, and must not fire its actions a second time.
struct ActivationKey: Hashable {
    let rule: Int
    let levels: [Level]

    enum Level: Hashable {
        case fact(template: Int, values: [Datum])
        case value(Datum)
    }
}

extension Network {
    func key(of activation: Activation) -> ActivationKey {
        var levels: [ActivationKey.Level] = []
        var current: Token? = activation.token
        while let token = current, token.level >= 0 {
            if token.fact >= 0 {
                let record = memory[token.fact]
                levels.append(.fact(template: record.template, values: record.values))
            } else if let slot = token.slot {
                levels.append(.value(slot))
            }
            current = token.parent
        }
        return ActivationKey(rule: activation.rule, levels: levels)
    }
}
