/// Where each record and cell of a CSV text lies, as byte offsets, so that diagnostics
/// can point at a header cell or a bad value. CSV.swift reads the values but does not
/// say where they were; this scanner follows the same rules (RFC 4180 quoting, CR LF or
/// LF line ends, and CSV.swift's leniency about text after a closing quote), so its
/// records and cells line up with the reader's. A record may span several lines when a
/// quoted cell holds line breaks.
///
/// The records are produced one at a time as the rows are read, so a large file's
/// positions are never all held at once.
struct CSVLayout: Sequence {
    struct Record {
        /// From the first byte of the record to the end of its last cell (line end excluded).
        let start: Int
        let end: Int
        let cells: [Range<Int>]

        /// An empty line: CSV.swift reads it as one empty cell; the loader skips it.
        var isBlank: Bool { cells.count == 1 && cells[0].isEmpty }
    }

    struct Iterator: IteratorProtocol {
        fileprivate var scanner: Scanner

        mutating func next() -> Record? {
            scanner.atEnd ? nil : scanner.record()
        }
    }

    let bytes: [UInt8]
    let start: Int

    init(bytes: [UInt8], start: Int) {
        self.bytes = bytes
        self.start = start
    }

    func makeIterator() -> Iterator {
        Iterator(scanner: Scanner(bytes: bytes, position: start))
    }

    /// Every record at once (for tests and small files).
    var records: [Record] { Array(self) }

    /// The opening quote of a quoted cell that runs to the end of the text, found by a
    /// pass that keeps nothing. CSV.swift reads such a cell as everything after the
    /// quote; the loader reports it instead.
    var unterminatedQuote: Int? {
        var scanner = Scanner(bytes: bytes, position: start)
        // Cell by cell, building no record: this pass runs over every file before it loads.
        while !scanner.atEnd {
            _ = scanner.cell()
        }
        return scanner.unterminatedQuote
    }

    fileprivate struct Scanner {
        let bytes: [UInt8]
        var position: Int
        var unterminatedQuote: Int?

        static let quote = UInt8(ascii: "\"")
        static let comma = UInt8(ascii: ",")
        static let carriageReturn = UInt8(ascii: "\r")
        static let lineFeed = UInt8(ascii: "\n")

        var atEnd: Bool { position >= bytes.count }

        mutating func record() -> Record {
            let start = position
            var cells: [Range<Int>] = []
            while true {
                let (cell, endsRecord) = self.cell()
                cells.append(cell)
                if endsRecord { break }
            }
            return Record(start: start, end: cells.last?.upperBound ?? start, cells: cells)
        }

        /// One cell and whether the record ends after it. The cell's range includes its quotes.
        mutating func cell() -> (Range<Int>, Bool) {
            let start = position
            guard !atEnd else { return (start..<start, true) }
            if bytes[position] == Scanner.quote {
                position += 1
                return quotedCell(from: start)
            }
            while !atEnd {
                let byte = bytes[position]
                if byte == Scanner.comma {
                    position += 1
                    return (start..<position - 1, false)
                }
                if byte == Scanner.carriageReturn || byte == Scanner.lineFeed {
                    let end = position
                    skipLineEnd()
                    return (start..<end, true)
                }
                position += 1
            }
            return (start..<position, true)
        }

        private mutating func quotedCell(from start: Int) -> (Range<Int>, Bool) {
            while !atEnd {
                let byte = bytes[position]
                position += 1
                guard byte == Scanner.quote else { continue }
                guard !atEnd else { return (start..<position, true) }
                let next = bytes[position]
                if next == Scanner.carriageReturn || next == Scanner.lineFeed {
                    let end = position
                    skipLineEnd()
                    return (start..<end, true)
                }
                if next == Scanner.comma {
                    position += 1
                    return (start..<position - 1, false)
                }
                // `""` is an escaped quote; CSV.swift also keeps reading the cell after
                // any other character that follows a quote.
                position += 1
            }
            unterminatedQuote = start
            return (start..<position, true)
        }

        private mutating func skipLineEnd() {
            if bytes[position] == Scanner.carriageReturn {
                position += 1
                if !atEnd, bytes[position] == Scanner.lineFeed { position += 1 }
            } else {
                position += 1
            }
        }
    }
}
