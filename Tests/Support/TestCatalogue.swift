import ParkScore
import ParkScoreIO

/// The repository's message catalogue, for tests that read what a diagnostic or a renderer says.
///
///     XCTAssertEqual(TestCatalogue.en.text(of: diagnostic), "'tenants.total' must be a whole number, not text '20家'")
public enum TestCatalogue {
    public static let templates = Parkscore.repository.appendingPathComponent("Templates").path

    public static let zh: Messages = load(.zh)
    public static let en: Messages = load(.en)

    public static func messages(_ language: LocalizedText.Language) -> Messages { language == .zh ? zh : en }

    static func load(_ language: LocalizedText.Language) -> Messages {
        MessageCatalogue.load(templates: templates, language: language).validValue ?? Messages(language: language, entries: [:])
    }
}
