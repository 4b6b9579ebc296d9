import ArgumentParser
import ParkScoreIO

@main
struct ParkScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parkscore",
        abstract: "Score industrial parks against scorecards written from Chinese policy texts.",
        discussion: """
        Scorecards and the fact dictionary live in Criteria/ (found from the working folder, beside the \
        executable, or with --criteria DIR / $PARKSCORE_CRITERIA). A built-in scorecard is named by its id, \
        any other by its path.

        Exit status: 0 success (a park that fails a gate is a valid result); 1 invalid input (a file that \
        cannot be read or has errors, an unknown scorecard); 2 from batch when some applications were skipped; \
        64 usage error (unknown option, missing argument).
        """,
        version: ParkScoreVersion.current,
        subcommands: [Scorecards.self, Score.self, Validate.self, EvidenceCommand.self, Lint.self, Explain.self, Template.self, DossierCommand.self, Batch.self, Compare.self,
                      Crosswalk.self, Diff.self, Convert.self, Serve.self]
    )
}

