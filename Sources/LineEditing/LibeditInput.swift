@preconcurrency import CLibedit
import Glibc

/// The keys libedit reads, through its `rl_getc_function` hook, for two reasons:
///
/// - Ctrl-C is never lost. libedit's own reader misses a SIGINT that lands while it
///   redraws; this one waits with `poll` in short steps and checks the interrupt flag
///   between them, returning -1 (which makes `readline()` return NULL) once it is set.
/// - Bracketed paste. libedit's readline layer knows nothing of `ESC [200~ … ESC [201~`,
///   so the hook takes the pasted text out of the key stream and inserts it into the
///   line as it is (`rl_insert_text`), then hands libedit a key bound to
///   `ed-redisplay` so the lines are drawn again with the paste. A pasted tab is a tab,
///   not a completion, and pasted line breaks stay in the line instead of submitting it
///   half-pasted; Enter submits the whole paste as one entry.
///
/// Keys come back as Unicode scalars: libedit stores the hook's int as a `wchar_t`
/// without decoding it, so the hook assembles UTF-8 itself.
enum LibeditInput {
    /// Bytes read ahead while looking for a paste marker, handed out before new reads.
    nonisolated(unsafe) static var pushback: [UInt8] = []

    static let escape: UInt8 = 0x1B
    static let pasteStart = Array("[200~".utf8)
    static let pasteEnd = Array("\u{1B}[201~".utf8)
    /// How long the rest of a marker may take to follow its ESC. Terminals send the
    /// marker in one write; a lone ESC typed by hand is not followed by `[200~` this fast.
    static let markerWait: Int32 = 50
    /// A key bound to `ed-redisplay` (see `bindRedisplayKey`): U+009D, a C1 control
    /// no keyboard sends.
    static let redisplayKey: Int32 = 0x9D

    /// libedit's readline layer binds ^R to search and has no other redisplay key;
    /// `ed-redisplay` clears the lines libedit drew and draws them again from the prompt.
    static func bindRedisplayKey() {
        // The tokenizer takes one level of backslashes, the key parser the next.
        _ = rl_parse_and_bind("bind \\\\235 ed-redisplay")
    }

    enum Read {
        case byte(UInt8)
        case timedOut
        case interrupted
        case end
    }

    static func nextKey() -> Int32 {
        while true {
            switch nextByte(waitingAtMost: nil) {
            case .interrupted, .end, .timedOut:
                return -1
            case .byte(let byte):
                if byte == escape, pushback.isEmpty {
                    switch readPasteStart() {
                    case .some(true):
                        guard let text = readPaste() else { return -1 }
                        guard !text.isEmpty else { continue }
                        rl_insert_text(text)
                        // Have libedit redraw the lines it shows, now with the paste.
                        return redisplayKey
                    case .some(false):
                        return Int32(escape)
                    case .none:
                        return -1
                    }
                }
                return decodeScalar(startingWith: byte)
            }
        }
    }

    /// One byte from the pushback or standard input. Waits in 100 ms steps, checking
    /// for Ctrl-C between them; with `milliseconds`, gives up after about that long.
    static func nextByte(waitingAtMost milliseconds: Int32?) -> Read {
        if Interrupts.isInterrupted { return .interrupted }
        if !pushback.isEmpty { return .byte(pushback.removeFirst()) }
        var waited: Int32 = 0
        while true {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let step = milliseconds.map { min(100, $0 - waited) } ?? 100
            let ready = poll(&descriptor, 1, step)
            if Interrupts.isInterrupted { return .interrupted }
            if ready > 0 {
                var byte: UInt8 = 0
                let count = read(STDIN_FILENO, &byte, 1)
                if count == 1 { return .byte(byte) }
                if count == 0 { return .end }
                if errno == EINTR || errno == EAGAIN { continue }
                return .end
            }
            if ready < 0, errno != EINTR { return .end }
            waited += step
            if let milliseconds, waited >= milliseconds { return .timedOut }
        }
    }

    /// After an ESC: true when `[200~` follows (a paste begins), false when something
    /// else does (what was read goes back to be read as keys), nil on Ctrl-C.
    static func readPasteStart() -> Bool? {
        var seen: [UInt8] = []
        for expected in pasteStart {
            switch nextByte(waitingAtMost: markerWait) {
            case .byte(let byte):
                seen.append(byte)
                if byte != expected {
                    pushback.append(contentsOf: seen)
                    return false
                }
            case .timedOut, .end:
                pushback.append(contentsOf: seen)
                return false
            case .interrupted:
                return nil
            }
        }
        return true
    }

    /// The pasted text up to `ESC [201~`, with the terminal's carriage returns as line
    /// breaks; nil when Ctrl-C or the end of input cut the paste short.
    static func readPaste() -> String? {
        var bytes: [UInt8] = []
        while !bytes.ends(with: pasteEnd) {
            guard case .byte(let byte) = nextByte(waitingAtMost: nil) else { return nil }
            bytes.append(byte)
        }
        bytes.removeLast(pasteEnd.count)
        let text = String(decoding: bytes, as: UTF8.self)
        return text.replacingCarriageReturns()
    }

    /// The scalar a UTF-8 sequence encodes, reading its continuation bytes; a broken
    /// sequence gives U+FFFD.
    static func decodeScalar(startingWith lead: UInt8) -> Int32 {
        let length: Int
        switch lead {
        case 0..<0x80: return Int32(lead)
        case 0xC0..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF8: length = 4
        default: return 0xFFFD
        }
        var bytes = [lead]
        while bytes.count < length {
            guard case .byte(let byte) = nextByte(waitingAtMost: nil) else { return -1 }
            bytes.append(byte)
        }
        let decoded = String(decoding: bytes, as: UTF8.self).unicodeScalars
        return Int32(decoded.first?.value ?? 0xFFFD)
    }
}

extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}

extension String {
    /// Terminals paste line breaks as CR (some as CR LF); the line holds LF.
    func replacingCarriageReturns() -> String {
        var result = ""
        var previousWasReturn = false
        for scalar in unicodeScalars {
            switch scalar {
            case "\r":
                result.unicodeScalars.append("\n")
                previousWasReturn = true
                continue
            case "\n" where previousWasReturn:
                break
            default:
                result.unicodeScalars.append(scalar)
            }
            previousWasReturn = false
        }
        return result
    }
}

/// libedit calls this for every key while `readline()` edits a line.
let libeditGetc: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { _ in LibeditInput.nextKey() }
