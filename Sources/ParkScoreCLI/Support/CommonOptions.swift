import ArgumentParser
import ParkScore

struct CriteriaOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder of scorecards and facts.yaml.", valueName: "dir"))
    var criteria: String?
}

extension LocalizedText.Language: ExpressibleByArgument {}

/// `--lang zh|en`; without it, English when `LC_ALL`, `LC_MESSAGES` or `LANG` (the first set) starts with `en`,
/// Chinese otherwise.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: "Language of the output and the messages: zh or en (default zh; en when LC_ALL, LC_MESSAGES or LANG starts with en).")
    var lang: LocalizedText.Language?

    var resolved: LocalizedText.Language { lang ?? .fromEnvironment() }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
