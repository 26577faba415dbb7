import AccordCheck
import AccordEngine
import Testing

/// The production-system actions, checked directly where a golden output would not
/// show the point: `assert` makes ordinary facts that outlive their match, `derive`
/// logical ones that do not; `halt` leaves the agenda for the next run; `retract` and
/// `modify` from rules drive truth maintenance like changes from outside.
@Suite struct ProductionActionTests {
    @Test func assertedFactsOutliveTheirMatchDerivedOnesDoNot() throws {
        let engine = try makeEngine("""
        template Order { key id; id: int }
        template Receipt { order: int }
        template Pending { order: int }
        facts { Order { id: 1 } }
        rule receipt { when $o: Order() then assert Receipt { order: $o.id } }
        rule pending { when $o: Order() then derive Pending { order: $o.id } }
        """)
        try engine.run()
        #expect(engine.count("Receipt") == 1)
        #expect(engine.count("Pending") == 1)
        #expect(engine.facts(of: "Receipt").first?.isLogical == false)
        try engine.retract(try engine.id("Order", ["id": .int(1)]))
        try engine.run()
        #expect(engine.count("Receipt") == 1)
        #expect(engine.count("Pending") == 0)
    }

    @Test func haltLeavesTheRestOfTheAgendaForTheNextRun() throws {
        let log = PrintLog()
        let engine = try makeEngine("""
        template Go { key id; id: int }
        facts { Go { id: 1 } }
        rule first { salience 2; when Go() then print "first"; halt }
        rule second { salience 1; when Go() then print "second" }
        rule third { when Go() then print "third" }
        """, print: log.sink)
        #expect(try engine.run() == .halted(rule: "first"))
        #expect(log.lines == ["first"])
        #expect(try engine.run() == .quiescent)
        #expect(log.lines == ["first", "second", "third"])
    }

    /// A rule that retracts a fact withdraws the advice built on it, and a `not` over the
    /// retracted fact lets other advice through, within the same run.
    @Test func retractFromARuleDrivesTruthMaintenance() throws {
        let engine = try makeEngine("""
        template Ticket { key id; id: int, stale: bool = false }
        facts {
          Ticket { id: 1, stale: true }
          Ticket { id: 2 }
        }
        rule advise { when $t: Ticket() then recommend "handle ticket {$t.id}" { subject: "desk" } }
        rule drop_stale { salience 10; when $t: Ticket(stale) then retract $t }
        rule inbox_zero {
          when not Ticket()
          then recommend "inbox zero" { subject: "desk" }
        }
        """)
        try engine.run()
        #expect(engine.texts == ["handle ticket 2"])
        try engine.modify(try engine.id("Ticket", ["id": .int(2)]), ["stale": .bool(true)])
        try engine.run()
        #expect(engine.texts == ["inbox zero"])
    }

    /// `modify` from a rule changes a fact other rules joined with: their matches are
    /// rebuilt on the new values.
    @Test func modifyFromARuleRebuildsOtherMatches() throws {
        let log = PrintLog()
        let engine = try makeEngine("""
        template Region { key name; name: string, stage: int = 0 }
        template Plan { region: string, stage: int }
        facts {
          Region { name: "Jilin" }
          Plan { region: "Jilin", stage: 1 }
          Plan { region: "Jilin", stage: 2 }
        }
        rule advance {
          when
            $r: Region()
            $p: Plan(region == $r.name, stage == $r.stage + 1)
          then
            print "{$r.name} to stage {$p.stage}"
            modify $r { stage: $p.stage }
        }
        rule current {
          when $r: Region()
          then recommend "{$r.name} at stage {$r.stage}" { subject: $r.name }
        }
        """, print: log.sink)
        try engine.run()
        #expect(log.lines == ["Jilin to stage 1", "Jilin to stage 2"])
        #expect(engine.texts == ["Jilin at stage 2"])
    }
}
