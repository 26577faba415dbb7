import AccordCheck
import AccordEngine

/// Wording shared by the text and Markdown reports, so the two never disagree on how a
/// score, a value or a fact looks.
public enum ReportText {
    /// "1 rule", "4 rules".
    public static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// Scores to two decimals (`0.80`, `-1.25`): enough to read a ranking, which the
    /// rank already orders exactly. JSON carries the full value. Rounded by hand rather
    /// than with `String(format:)` so no locale can turn the point into a comma.
    public static func score(_ score: Double) -> String {
        guard score.isFinite else { return score.description }
        let hundredths = (abs(score) * 100).rounded()
        guard hundredths < 1e15 else { return score.description }
        let whole = Int64(hundredths) / 100
        let fraction = Int64(hundredths) % 100
        let sign = score < 0 && hundredths > 0 ? "-" : ""
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// A value as it is written in Accord source: strings quoted, lists in brackets,
    /// so a reader can copy it back into a rule file.
    public static func value(_ value: Value) -> String {
        value.description
    }

    /// `Region["Jilin"] { name: "Jilin", country: "CN" }`: a supporting fact in the
    /// notation of the language, addressed by its key (when its template has one) the
    /// way scenarios address it, then every field, so nothing has to be looked up.
    public static func fact(_ support: Support) -> String {
        var address = support.template
        if !support.key.isEmpty {
            address += "[" + support.key.map(value).joined(separator: ", ") + "]"
        }
        let fields = support.fields.map { "\($0.name): \(value($0.value))" }.joined(separator: ", ")
        return fields.isEmpty ? address : "\(address) { \(fields) }"
    }

    /// Details as `name: value` pairs, in the order the rule wrote them.
    public static func detail(_ detail: NamedValue) -> String {
        "\(detail.name): \(value(detail.value))"
    }
}
