import ParkScore
import ParkYAML

/// Reads the fact dictionary (`Criteria/facts.yaml`).
public enum FactDictionaryLoader {
    public static func load(_ path: String) -> Loaded<FactDictionary> {
        SourceFile.load(path) { decode($0) }
    }

    public static func decode(_ file: SourceFile) -> Loaded<FactDictionary> {
        file.decodeDocument { node, decoder in
            var dictionary = FactDictionary()
            if let root = decoder.mapping(node, .root, what: "the fact dictionary") {
                _ = root.value("version")
                if let facts = root.mapping("facts", required: true) {
                    for pair in facts.pairs {
                        guard let key = pair.key.scalar?.string else {
                            decoder.error("fact keys must be texts", at: pair.key, facts.path)
                            continue
                        }
                        if let definition = definition(key, pair.value, decoder, facts.path.appending(key)) {
                            if dictionary.contains(key) {
                                decoder.error("fact '\(key)' is defined twice", at: pair.key, facts.path.appending(key))
                            }
                            dictionary.add(definition)
                        }
                    }
                }
                root.finish()
            }
            for key in dictionary.keys {
                guard let definition = dictionary[key], let other = definition.atMost else { continue }
                if !(dictionary[other]?.type.isNumeric ?? false) || !definition.type.isNumeric {
                    decoder.add(.error("'at_most' of '\(key)' must name a numeric fact\(Suggestion.hint(for: other, in: dictionary.keys))",
                                       at: definition.location, path: "facts.\(key).at_most"))
                }
            }
            return Loaded(value: dictionary, diagnostics: decoder.diagnostics.sortedForReport())
        }
    }

    private static func definition(_ key: String, _ node: Node, _ decoder: DocumentDecoder, _ path: KeyPath) -> FactDefinition? {
        if !isValidKey(key) {
            decoder.error("fact key '\(key)' must be lowercase words joined by '.' or '_'", at: node, path)
        }
        guard let map = decoder.mapping(node, path, what: "fact '\(key)'") else { return nil }
        let typeName = map.text("type", required: true)
        let zh = map.text("zh", required: true)
        let en = map.text("en")
        let unit = map.text("unit")
        let minimum = map.number("min")
        let maximum = map.number("max")
        let atMost = map.text("at_most")
        var labels: [String: LocalizedText] = [:]
        var values: [String]?
        if let valuesNode = map.value("values") {
            values = []
            if let items = valuesNode.sequence {
                for item in items {
                    if let v = decoder.text(item, path.appending("values"), what: "a value") { values?.append(v) }
                }
            } else if let pairs = valuesNode.mapping {
                for pair in pairs {
                    guard let v = pair.key.scalar?.text else { continue }
                    values?.append(v)
                    if let label = decoder.localized(pair.value, path.appending("values").appending(v), what: "label of '\(v)'") {
                        labels[v] = label
                    }
                }
            } else {
                decoder.error("'values' must be a list or a mapping of labels", at: valuesNode, path.appending("values"))
            }
        }
        map.finish()
        guard let typeName, let zh else { return nil }
        let type: FactType
        switch typeName {
        case "boolean": type = .boolean
        case "integer": type = .integer
        case "number": type = .number
        case "percent": type = .percent
        case "money": type = .money
        case "date": type = .date
        case "text": type = .text
        case "enum":
            guard let values, !values.isEmpty else {
                decoder.error("enum fact '\(key)' needs 'values'", at: node, path)
                return nil
            }
            type = .enumeration(values)
        case "list": type = .list(of: values)
        default:
            decoder.error("unknown type '\(typeName)' of fact '\(key)'\(Suggestion.hint(for: typeName, in: FactType.names)); types: \(FactType.names.joined(separator: ", "))",
                          at: map.value("type")!, path.appending("type"))
            return nil
        }
        if values != nil && type.allowedValues == nil {
            decoder.error("only enum and list facts take 'values'", at: map.value("values")!, path.appending("values"))
        }
        return FactDefinition(key: key, type: type, unit: unit, minimum: minimum, maximum: maximum,
                              atMost: atMost, description: LocalizedText(zh: zh, en: en), valueLabels: labels,
                              location: decoder.location(node))
    }

    static func isValidKey(_ key: String) -> Bool {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            guard let first = part.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
            return part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        }
    }
}
