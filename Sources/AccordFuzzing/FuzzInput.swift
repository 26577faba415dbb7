/// One fuzz input as the files of a load. The bytes are the main rule file; a line
/// `%%% name` starts another file of that name beside it, so one input can exercise
/// `import "name"` and `facts T from "name.csv"`. Names are plain file names (letters,
/// digits, `_`, `-`, `.`), never paths, so every file stays in the workspace folder.
public struct FuzzInput: Sendable, Equatable {
    public static let mainName = "main.accord"
    static let marker: [UInt8] = Array("%%% ".utf8)

    public struct File: Sendable, Equatable {
        public let name: String
        public let bytes: [UInt8]
    }

    /// The main file first, then the others in input order; a repeated name keeps its first file.
    public let files: [File]

    public init(_ bytes: [UInt8]) {
        var files: [File] = []
        var name = FuzzInput.mainName
        var start = 0
        var lineStart = 0
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if let next = FuzzInput.fileName(in: bytes[lineStart..<lineEnd]) {
                FuzzInput.add(File(name: name, bytes: Array(bytes[start..<lineStart])), to: &files)
                name = next
                start = min(lineEnd + 1, bytes.count)
            }
            lineStart = lineEnd + 1
        }
        FuzzInput.add(File(name: name, bytes: Array(bytes[start...])), to: &files)
        self.files = files
    }

    private static func add(_ file: File, to files: inout [File]) {
        guard !files.contains(where: { $0.name == file.name }) else { return }
        files.append(file)
    }

    /// The name on a `%%% name` line, or nil when the line is not a valid marker.
    static func fileName(in line: ArraySlice<UInt8>) -> String? {
        guard line.starts(with: marker) else { return nil }
        var name = line.dropFirst(marker.count)
        if name.last == UInt8(ascii: "\r") { name = name.dropLast() }
        guard (1...64).contains(name.count), name.allSatisfy(isNameByte) else { return nil }
        let text = String(decoding: name, as: UTF8.self)
        return text == "." || text == ".." ? nil : text
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
            true
        default:
            false
        }
    }
}
