import AccordCheck
import AccordEngine
import AccordTooling

enum ReplText {
    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
