import AccordCheck
import AccordEngine
import AccordTestSupport
import AccordTooling
import Foundation
import Testing

/// `WhyNotText` on the `accord run` fixture: one golden with a question of each kind.
@Suite struct WhyNotTextTests {
    static let questions: [(rule: String, subject: String?)] = [
        ("port_freight", "Jilin"),
        ("port_freight", "Heilongjiang"),
        ("park_tech_transfer_hub", "Heilongjiang"),
        ("corridor_agreement", nil),
        ("corridor_agreement", "Heilongjiang"),
        ("border_corridor", "Amur Oblast"),
        ("corridor_agreement", "Nowhere"),
    ]

    @Test func theFixturesQuestions() throws {
        let analysis = Frontend.analyze(paths: [Fixtures.path("run/rules")])
        let program = try #require(analysis.model)
        let engine = try Engine(program: program)
        try engine.run()
        _ = try engine.assert("Agreement", ["parties": .list([.string("Heilongjiang"), .string("Amur Oblast")])])
        try engine.run()
        var text = ""
        for question in Self.questions {
            text += ":whynot \(question.rule)" + (question.subject.map { " \($0)" } ?? "") + "\n"
            text += WhyNotText.render(try engine.whyNot(rule: question.rule, subject: question.subject, suggestingChanges: true)) + "\n"
        }
        text = text.replacingOccurrences(of: Fixtures.path("run/rules") + "/", with: "")
        let mismatch = Golden.check(text, against: Fixtures.path("run/whynot.txt"))
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }
}
