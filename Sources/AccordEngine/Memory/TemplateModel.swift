import AccordCheck

/// A template as the engine uses it: integer id, field positions, key positions.
struct TemplateModel {
    let id: Int
    let info: TemplateInfo
    let fieldNames: [String]
    let keyIndices: [Int]

    init(id: Int, info: TemplateInfo) {
        self.id = id
        self.info = info
        self.fieldNames = info.fieldNames
        self.keyIndices = info.key.compactMap { info.fieldNames.firstIndex(of: $0) }
    }

    var name: String { info.name }
    var isKeyed: Bool { !keyIndices.isEmpty }

    func index(of field: String) -> Int? {
        fieldNames.firstIndex(of: field)
    }

    func key(of values: [Datum]) -> [Datum] {
        keyIndices.map { values[$0] }
    }
}
