import AccordCheck
import AccordEngine

/// ANSI styling for the REPL's own output, a no-op unless the session was made with
/// `useColor` (the same codes as the CLI's reports).
struct ReplStyle {
    let isEnabled: Bool

    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }
    func rule(_ text: String) -> String { paint(text, "36") }
    func added(_ text: String) -> String { paint(text, "32") }
    func removed(_ text: String) -> String { paint(text, "31") }
    func changed(_ text: String) -> String { paint(text, "33") }

    private func paint(_ text: String, _ code: String) -> String {
        isEnabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

enum ReplText {
    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// Two decimals, rounded by hand so no locale turns the point into a comma.
    static func score(_ score: Double) -> String {
        guard score.isFinite else { return score.description }
        let hundredths = (abs(score) * 100).rounded()
        guard hundredths < 1e15 else { return score.description }
        let whole = Int64(hundredths) / 100
        let fraction = Int64(hundredths) % 100
        let sign = score < 0 && hundredths > 0 ? "-" : ""
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// `Region["Jilin"] { name: "Jilin", country: "CN" }`.
    static func fact(_ support: Support) -> String {
        var address = support.template
        if !support.key.isEmpty {
            address += "[" + support.key.map(\.description).joined(separator: ", ") + "]"
        }
        let fields = support.fields.map { "\($0.name): \($0.value.description)" }.joined(separator: ", ")
        return fields.isEmpty ? address : "\(address) { \(fields) }"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
