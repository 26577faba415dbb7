import AccordRepl
import Testing

@Suite struct ReplSessionTests {
    @Test func emptySessionStarts() {
        let session = ReplSession(paths: [])
        #expect(session.prompt == "accord> ")
    }
}
