/// A text in Chinese and English. Chinese is the language of the source texts; English may be missing.
public struct LocalizedText: Sendable, Hashable {
    public var zh: String
    public var en: String?

    public init(zh: String, en: String? = nil) {
        self.zh = zh
        self.en = en
    }

    public enum Language: String, Sendable, CaseIterable {
        case zh, en
    }

    /// The text in a language, falling back to Chinese.
    public func text(_ language: Language) -> String {
        switch language {
        case .zh: return zh
        case .en: return en ?? zh
        }
    }
}
