import AccordRepl
import AccordTestSupport
import Foundation
import Testing

@Suite struct ReplSessionTimingTests {
    /// The prompt must appear quickly with the article's rules loaded (the issue asks for
    /// under 100 ms; `accord-bench repl Rules` measures it in release, about 9 ms). A debug
    /// build on a busy machine is far slower, so this only catches a gross regression.
    @Test func startupWithTheArticleRulesIsQuick() {
        let start = ContinuousClock.now
        let session = ReplSession(paths: [ReplFixture.articleRules])
        let elapsed = ContinuousClock.now - start
        #expect(session.startupReply.diagnostics.isEmpty, "\(session.startupReply.diagnostics)")
        #expect(session.startupReply.output.hasPrefix("Loaded "))
        #expect(elapsed < TestTiming.scaled(.seconds(2)), "startup took \(elapsed)")
    }
}
