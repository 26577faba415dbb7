/// Whether a file's bytes are text the lexer and the CSV reader can take: checked up
/// front, so that a problem is reported at its position instead of being decoded
/// away as U+FFFD or passed on as a control character.
extension SourceFile {
    /// The offset of the first byte that is not part of well-formed UTF-8, if any.
    public func firstInvalidUTF8Offset() -> Int? {
        UTF8Validation.firstInvalidByte(in: bytes)
    }

    /// The offset of the first NUL byte, if any: text never holds one; a binary file does.
    public func firstNULOffset() -> Int? {
        bytes.firstIndex(of: 0)
    }
}
