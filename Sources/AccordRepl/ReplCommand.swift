/// One `:command`: what `:help` says about it.
struct ReplCommand: Sendable {
    let name: String
    let arguments: String
    let summary: String
    let details: String
    let example: String
}

extension ReplSession {
    /// Every command, in the order `:help` lists them.
    static let commands: [ReplCommand] = [
        ReplCommand(name: "help", arguments: "[COMMAND]", summary: "list the commands, or explain one",
                    details: "Without an argument, lists every command with a one-line summary. With one, explains it and shows an example.",
                    example: ":help sweep"),
        ReplCommand(name: "quit", arguments: "", summary: "leave the REPL (Ctrl-D on an empty line too)",
                    details: "Ends the session. Nothing is saved: use :save first to keep what you typed.",
                    example: ":quit"),
        ReplCommand(name: "load", arguments: "PATH", summary: "add a file or folder of .accord files to the session",
                    details: "Loads, checks and runs the files together with everything already in the session. If anything in them is wrong the errors are shown and nothing changes. A file already loaded is skipped.",
                    example: ":load Rules/scenarios.accord"),
        ReplCommand(name: "run", arguments: "", summary: "run the rules to quiescence and show the ranked recommendations",
                    details: "The engine runs after every entry anyway; :run fires anything still on the agenda and prints the full ranked list, which becomes the listing :why numbers.",
                    example: ":run"),
        ReplCommand(name: "recs", arguments: "", summary: "show the ranked recommendations as they stand",
                    details: "Prints the ranked list as `accord run` does (rank, score, subject, text, rule, details, cite). :why N refers to the ranks of the last list shown.",
                    example: ":recs"),
        ReplCommand(name: "facts", arguments: "[TEMPLATE]", summary: "list the facts in working memory, or those of one template",
                    details: "Each fact in the notation of the language, addressed by its key when its template has one. Facts derived by rules are marked `(derived)`.",
                    example: ":facts Region"),
        ReplCommand(name: "rules", arguments: "", summary: "list the rules with their titles and current recommendations",
                    details: "One line per rule, in declaration order: name, salience, title, and how many recommendations it makes now.",
                    example: ":rules"),
        ReplCommand(name: "agenda", arguments: "", summary: "list the activations waiting to fire",
                    details: "The matches on the agenda in the order :run would fire them, with the facts each matched. After an entry the engine has run, so the agenda is usually empty.",
                    example: ":agenda"),
        ReplCommand(name: "why", arguments: "N", summary: "explain the recommendation ranked N in the last listing",
                    details: "Shows the tree of facts that support it: each fact with its cite, and for a derived fact the rule that derived it and that rule's own supports, down to the facts of the files.",
                    example: ":why 1"),
        ReplCommand(name: "whynot", arguments: "RULE [SUBJECT]", summary: "say why a rule does not recommend (for a subject)",
                    details: "Reports the first condition of the rule that no fact satisfies, and the closest facts, then the fact changes that would make it fire, each verified in a checkpoint and rolled back, as lines to paste into a scenario.",
                    example: ":whynot joint_logistics_centre Jilin"),
        ReplCommand(name: "test", arguments: "[FILTER]", summary: "run the policy tests against the session as it stands",
                    details: "Runs the `test` blocks of the session (those whose name contains FILTER, ignoring case), each from the session as it is now, with its changes and the open branch, and rolls each back. Shows ✓ or ✗ per test, a failure's evidence, and the count.",
                    example: ":test heilongjiang"),
        ReplCommand(name: "scenario", arguments: "[NAME]", summary: "list the scenarios, or enter a branch with one applied",
                    details: "Without an argument, lists the scenarios of the files with their titles and marks the active branch. With a name, opens a branch: the scenario's changes are applied one at a time on top of the session, and the prompt shows the branch. Changes typed in the branch belong to it. End it with :keep or :discard; :diff compares it with where it started.",
                    example: ":scenario heilongjiang_signs_ecommerce"),
        ReplCommand(name: "branch", arguments: "NAME", summary: "enter an empty branch to try changes in",
                    details: "Opens a branch with no scenario applied; changes typed in it can be compared with :diff, then kept with :keep or thrown away with :discard.",
                    example: ":branch try_jilin"),
        ReplCommand(name: "diff", arguments: "", summary: "compare the branch with where it started",
                    details: "Lists the recommendations the branch added (+), removed (-) and rescored (~) since it was entered.",
                    example: ":diff"),
        ReplCommand(name: "keep", arguments: "", summary: "end the branch, keeping its changes in the session",
                    details: "The branch's changes become ordinary session changes: they stay through later definitions (which rebuild the engine) and :save writes them. :undo takes them back out as one step.",
                    example: ":keep"),
        ReplCommand(name: "discard", arguments: "", summary: "end the branch and undo all its changes",
                    details: "Rolls the session back to exactly where it was when the branch was entered.",
                    example: ":discard"),
        ReplCommand(name: "sweep", arguments: "REF FROM TO STEP", summary: "vary one field over a range and show where recommendations change",
                    details: "REF is Template[key].field, as in `accord sweep --vary`. The field is set to each value in turn, the rules run, and the counts and tipping points are reported. The session is left as it was.",
                    example: ":sweep Region[\"Jilin\"].trade_with_russia_busd 0 20 1"),
        ReplCommand(name: "undo", arguments: "", summary: "undo the last accepted entry (repeat to go further back)",
                    details: "Takes back the last change, definition, :load, :keep, :scenario, :discard or :reset, and says what it undid. Undo goes back as far as the start of the session.",
                    example: ":undo"),
        ReplCommand(name: "reset", arguments: "", summary: "go back to the files as they were loaded at the start",
                    details: "Drops every typed definition, change, :load and branch. :undo brings the session back.",
                    example: ":reset"),
        ReplCommand(name: "save", arguments: "PATH", summary: "write the session's definitions and facts as an .accord file",
                    details: "Writes the loaded files' declarations and the typed definitions, with the facts as they stand now (changes applied) in place of the original facts, to one file, atomically. The file is checked before it is written; it loads on its own.",
                    example: ":save session.accord"),
        ReplCommand(name: "history", arguments: "", summary: "list this session's entries, numbered",
                    details: "Every entry typed in this session, in order, multi-line entries as typed.",
                    example: ":history"),
    ]

    static func command(named name: String) -> ReplCommand? {
        commands.first { $0.name == name }
    }
}
