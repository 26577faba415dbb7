/// A rule base whose one rule counts a fact up to its `limit`, one firing per step:
/// raising the limit makes a run as long as a test needs (firing limits, Ctrl-C,
/// timeouts) without any rule that loops forever.
public enum CounterRuleBase {
    public static let text = """
        template Counter {
          key name
          name: string
          value: int = 0
          limit: int = 0
        }
        facts {
          Counter { name: "c" }
        }
        rule tick {
          when
            $c: Counter(value < limit)
          then
            modify $c { value: $c.value + 1 }
        }
        """
}
