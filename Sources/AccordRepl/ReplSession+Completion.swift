import AccordCheck
import AccordEngine
import Foundation

/// Tab completion from the text before the cursor: which word is being typed and what
/// kind of name fits there. Offsets are in characters, so CJK text counts one per glyph.
extension ReplSession {
    /// Tab completion at a character offset: the word to replace and the candidates.
    public func completions(in line: String, cursor: Int) -> ReplCompletion {
        let characters = Array(line)
        let end = min(max(0, cursor), characters.count)
        let before = Array(characters[..<end])
        let leading = before.prefix { $0 == " " || $0 == "\t" }.count
        if before.count > leading, before[leading] == ":" {
            return commandCompletion(before, leading: leading)
        }
        if let keyed = keyCompletion(before) { return keyed }
        var start = end
        while start > 0, ReplSession.isWordCharacter(before[start - 1]) { start -= 1 }
        let word = String(before[start...])
        let candidates = codeCandidates(before: Array(before[..<start]))
        return ReplCompletion(replaceFrom: start, candidates: ReplSession.matching(word, candidates))
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    static func matching(_ word: String, _ candidates: [String]) -> [String] {
        var seen = Set<String>()
        return candidates.filter { $0.hasPrefix(word) && seen.insert($0).inserted }.sorted()
    }

    /// Templates facts can be written for (not the built-in `Recommendation`).
    var templateNames: [String] { live.model.templates.filter { !$0.isBuiltIn }.map(\.name) }
    /// Templates a pattern can match, built-in ones too.
    var patternTemplateNames: [String] { live.model.templates.map(\.name) }
    var ruleNames: [String] { live.model.rules.map(\.name.name) }
    var scenarioNames: [String] { scenarios.map(\.name.name) }

    // MARK: - Commands

    private func commandCompletion(_ before: [Character], leading: Int) -> ReplCompletion {
        let afterColon = before[(leading + 1)...]
        guard let space = afterColon.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
            let word = String(afterColon)
            let names = ReplSession.commands.map(\.name)
            return ReplCompletion(replaceFrom: leading + 1, candidates: ReplSession.matching(word, names))
        }
        let name = String(before[(leading + 1)..<space])
        if name == "load" || name == "save" {
            var start = before.count
            while start > space + 1, before[start - 1] != " " { start -= 1 }
            return pathCompletion(String(before[start...]), from: start)
        }
        var start = before.count
        while start > space + 1, ReplSession.isWordCharacter(before[start - 1]) { start -= 1 }
        let word = String(before[start...])
        let argumentsBefore = String(before[(space + 1)..<start]).split(separator: " ").count
        let candidates: [String]
        switch name {
        case "why", "whynot": candidates = argumentsBefore == 0 ? ruleNames : subjects()
        case "scenario": candidates = argumentsBefore == 0 ? scenarioNames : []
        case "facts", "sweep": candidates = argumentsBefore == 0 ? templateNames : []
        case "help": candidates = argumentsBefore == 0 ? ReplSession.commands.map(\.name) + ["whatif"] : []
        default: candidates = []
        }
        return ReplCompletion(replaceFrom: start, candidates: ReplSession.matching(word, candidates))
    }

    private func subjects() -> [String] {
        live.engine.recommendations().map(\.subject).filter { !$0.isEmpty && !$0.contains(" ") }
    }

    /// Files and folders in the directory the typed path names (relative to the current
    /// directory), folders with a `/` after them. The candidate is the whole path typed.
    private func pathCompletion(_ typed: String, from start: Int) -> ReplCompletion {
        let manager = FileManager.default
        let folder: String
        let prefix: String
        if let slash = typed.lastIndex(of: "/") {
            folder = String(typed[...slash])
            prefix = String(typed[typed.index(after: slash)...])
        } else {
            folder = ""
            prefix = typed
        }
        let expanded = folder.hasPrefix("~") ? (folder as NSString).expandingTildeInPath + "/" : folder
        let listed = (try? manager.contentsOfDirectory(atPath: expanded.isEmpty ? "." : expanded)) ?? []
        var candidates: [String] = []
        for name in listed where name.hasPrefix(prefix) {
            if name.hasPrefix("."), !prefix.hasPrefix(".") { continue }
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: expanded + name, isDirectory: &isDirectory)
            candidates.append(folder + name + (isDirectory.boolValue ? "/" : ""))
        }
        return ReplCompletion(replaceFrom: start, candidates: candidates.sorted())
    }

    // MARK: - Code

    /// Inside `T["...`: the keys of T's facts.
    private func keyCompletion(_ before: [Character]) -> ReplCompletion? {
        guard let quote = before.lastIndex(of: "\""), quote > 0, before[quote - 1] == "[" else { return nil }
        let typed = String(before[(quote + 1)...])
        guard !typed.contains("\""), !typed.contains("]") else { return nil }
        guard let template = identifier(endingAt: quote - 1, in: before),
              let info = live.model.template(named: template), info.isKeyed, let keyField = info.key.first else { return nil }
        var keys: [String] = []
        for fact in live.engine.facts(of: template) {
            if case .string(let value)? = fact.fields.first(where: { $0.name == keyField })?.value { keys.append(value) }
        }
        return ReplCompletion(replaceFrom: quote + 1, candidates: ReplSession.matching(typed, keys))
    }

    /// The identifier that ends right before `index` (blanks skipped).
    private func identifier(endingAt index: Int, in characters: [Character]) -> String? {
        var end = index
        while end > 0, characters[end - 1] == " " { end -= 1 }
        var start = end
        while start > 0, ReplSession.isWordCharacter(characters[start - 1]) { start -= 1 }
        return start < end ? String(characters[start..<end]) : nil
    }

    private func codeCandidates(before: [Character]) -> [String] {
        // The previous word decides first: `assert T`, `given S`, `recommend R`.
        var end = before.count
        while end > 0, before[end - 1].isWhitespace { end -= 1 }
        var start = end
        while start > 0, ReplSession.isWordCharacter(before[start - 1]) { start -= 1 }
        let previous = String(before[start..<end])
        switch previous {
        case "assert", "facts", "retract", "modify", "template": return templateNames
        case "not", "exists": return patternTemplateNames
        case "given", "extends", "scenario", "whatif": return scenarioNames
        case "when": return patternTemplateNames
        case "expect": return ["recommend", "no", "fact"]
        case "recommend": return ruleNames
        case "rule": return ruleNames
        default: break
        }
        if end > 0, before[end - 1] == ":", end > 1 {
            // `$p: T(` — a pattern after its binding.
            var bind = end - 1
            while bind > 0, ReplSession.isWordCharacter(before[bind - 1]) { bind -= 1 }
            if bind > 0, before[bind - 1] == "$" { return patternTemplateNames }
        }
        if let template = openRecordTemplate(before) {
            return live.model.template(named: template)?.fieldNames ?? []
        }
        if let items = blockItemCandidates(before) { return items }
        if before.allSatisfy({ $0.isWhitespace }) {
            return Array(ReplInput.definitionWords) + Array(ReplInput.changeWords) + ["whatif"]
        }
        return templateNames + ruleNames + scenarioNames
    }

    /// The template of the innermost open `T(` or `T {` (or `T[k] {`) at the cursor,
    /// when the cursor is where a field name goes.
    private func openRecordTemplate(_ before: [Character]) -> String? {
        let (stack, inString) = ReplSession.openBrackets(before)
        guard !inString, let open = stack.last, before[open] != "[" else { return nil }
        // After a `:` in a record (`T { f: va`) a value is being typed, not a field.
        var segmentStart = open + 1
        for probe in (open + 1)..<max(open + 1, before.count) where before[probe] == "," || before[probe] == "\n" {
            segmentStart = probe + 1
        }
        if before[open] == "{", before[segmentStart...].contains(":") { return nil }
        var nameEnd = open
        while nameEnd > 0, before[nameEnd - 1] == " " { nameEnd -= 1 }
        if nameEnd > 0, before[nameEnd - 1] == "]" {
            // `modify T[k] {`: the template is before the key.
            var depth = 0
            var probe = nameEnd - 1
            while probe >= 0 {
                if before[probe] == "]" { depth += 1 }
                if before[probe] == "[" { depth -= 1; if depth == 0 { break } }
                probe -= 1
            }
            guard probe > 0 else { return nil }
            nameEnd = probe
        }
        guard let name = identifier(endingAt: nameEnd, in: before), live.model.template(named: name) != nil else { return nil }
        return name
    }

    /// The positions of the brackets still open at the end of `before`, innermost
    /// last, and whether a string is open there.
    static func openBrackets(_ before: [Character]) -> (stack: [Int], inString: Bool) {
        var stack: [Int] = []
        var inString = false
        var index = 0
        while index < before.count {
            let character = before[index]
            if inString {
                if character == "\\" { index += 1 } else if character == "\"" { inString = false }
            } else {
                switch character {
                case "\"": inString = true
                case "(", "{", "[": stack.append(index)
                case ")", "}", "]": if !stack.isEmpty { stack.removeLast() }
                default: break
                }
            }
            index += 1
        }
        return (stack, inString)
    }

    /// At the start of a line inside a block: what may begin an item there. Nil
    /// outside a block, or in the middle of a line.
    private func blockItemCandidates(_ before: [Character]) -> [String]? {
        let (stack, inString) = ReplSession.openBrackets(before)
        guard !inString, let open = stack.last, before[open] == "{" else { return nil }
        var lineStart = before.count
        while lineStart > open + 1, before[lineStart - 1] != "\n" { lineStart -= 1 }
        guard before[lineStart...].allSatisfy({ $0 == " " || $0 == "\t" }) else { return nil }
        var ownerEnd = open
        while ownerEnd > 0, before[ownerEnd - 1] == " " { ownerEnd -= 1 }
        let opener = identifier(endingAt: ownerEnd, in: before) ?? ""
        var keywordEnd = ownerEnd - opener.count
        if opener.isEmpty, keywordEnd > 0, before[keywordEnd - 1] == "\"" {
            // `test "name" {`: the word before the quoted name.
            keywordEnd -= 1
            while keywordEnd > 0, before[keywordEnd - 1] != "\"" { keywordEnd -= 1 }
            keywordEnd = max(0, keywordEnd - 1)
        }
        let keyword = identifier(endingAt: keywordEnd, in: before) ?? ""
        let changes = Array(ReplInput.changeWords)
        switch (keyword, opener) {
        case (_, "facts"): return templateNames
        case (_, "whatif"), (_, "given"): return changes
        case ("scenario", _): return changes + ["title", "extends"]
        case ("rule", _):
            let body = String(before[(open + 1)...])
            let words = body.split(whereSeparator: { !ReplSession.isWordCharacter($0) })
            switch words.last(where: { $0 == "when" || $0 == "then" }) {
            case "when": return patternTemplateNames + ["not", "exists", "test", "then"]
            case "then": return ["recommend", "derive", "assert", "retract", "modify", "print", "halt"]
            default: return ["title", "salience", "tags", "cite", "when"]
            }
        case ("test", _): return ["given", "expect"]
        default: return nil
        }
    }
}
