/// Trimming of the characters Foundation's `CharacterSet.whitespaces` holds (the tab and
/// every space separator, general category Zs), without Foundation: bridging each CSV
/// cell through `NSString` cost more than reading the whole file.
extension String {
    /// The text without leading and trailing tabs and space separators, scalar by scalar,
    /// as `trimmingCharacters(in: .whitespaces)` gives it.
    var trimmingBlanks: String { self[...].trimmingBlanks }
}

extension Substring {
    /// See `String.trimmingBlanks`.
    var trimmingBlanks: String {
        let utf8 = self.utf8
        if let first = utf8.first, let last = utf8.last,
           first < 0x80, last < 0x80, !Blanks.isASCIIBlank(first), !Blanks.isASCIIBlank(last) {
            return String(self)
        }
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, Blanks.isBlank(scalars[start]) { start = scalars.index(after: start) }
        while start < end {
            let before = scalars.index(before: end)
            guard Blanks.isBlank(scalars[before]) else { break }
            end = before
        }
        return String(Substring(scalars[start..<end]))
    }
}

enum Blanks {
    @inline(__always)
    static func isASCIIBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value == 0x20 || scalar.value == 0x09 }
        return scalar.properties.generalCategory == .spaceSeparator
    }
}
