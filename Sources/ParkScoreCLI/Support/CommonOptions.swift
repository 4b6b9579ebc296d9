import ArgumentParser
import ParkScore

struct CriteriaOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder of scorecards and facts.yaml.", valueName: "dir"))
    var criteria: String?
}

extension LocalizedText.Language: ExpressibleByArgument {}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
