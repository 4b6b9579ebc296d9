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

    private static func definition(_ key: String, _ node: Node, _ decoder: DocumentDecoder, _ path: KeyPath, field: Bool = false) -> FactDefinition? {
        if !field && !isValidKey(key) {
            decoder.error("fact key '\(key)' must be lowercase words joined by '.' or '_'", at: node, path)
        }
        if !field && (key == "period" || key.hasPrefix("period.")) {
            decoder.error("fact key '\(key)' is reserved: 'period.from' and 'period.to' are the self-report's reporting period", at: node, path)
        }
        guard let map = decoder.mapping(node, path, what: "fact '\(key)'") else { return nil }
        let typeName = map.text("type", required: true)
        let zh = map.text("zh", required: true)
        let en = map.text("en")
        let unit = map.text("unit")
        let minimum = map.number("min")
        let maximum = map.number("max")
        let atMost = map.text("at_most")
        let fieldsNode = map.value("fields")
        let maxRecordsNode = map.value("max_records")
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
        case "records":
            guard let fieldsNode, let schema = schema(fieldsNode, maxRecordsNode, key, decoder, path) else {
                if fieldsNode == nil { decoder.error("records fact '\(key)' needs 'fields'", at: node, path) }
                return nil
            }
            type = .records(schema)
        default:
            decoder.error("unknown type '\(typeName)' of fact '\(key)'\(Suggestion.hint(for: typeName, in: FactType.names)); types: \(FactType.names.joined(separator: ", "))",
                          at: map.value("type")!, path.appending("type"))
            return nil
        }
        if case .records = type {} else {
            if let fieldsNode { decoder.error("only records facts take 'fields'", at: fieldsNode, path.appending("fields")) }
            if let maxRecordsNode { decoder.error("only records facts take 'max_records'", at: maxRecordsNode, path.appending("max_records")) }
        }
        if values != nil && type.allowedValues == nil {
            decoder.error("only enum and list facts take 'values'", at: map.value("values")!, path.appending("values"))
        }
        return FactDefinition(key: key, type: type, unit: unit, minimum: minimum, maximum: maximum,
                              atMost: atMost, description: LocalizedText(zh: zh, en: en), valueLabels: labels,
                              location: decoder.location(node))
    }

    /// The fields of a records fact: each a mapping with a scalar type, a zh title, and optionally en, unit and values.
    private static func schema(_ node: Node, _ maxNode: Node?, _ key: String, _ decoder: DocumentDecoder, _ path: KeyPath) -> RecordSchema? {
        var maxRecords = RecordSchema.defaultMaxRecords
        if let maxNode, let n = decoder.integer(maxNode, path.appending("max_records"), what: "'max_records'") {
            if (1...RecordSchema.defaultMaxRecords).contains(n) {
                maxRecords = n
            } else {
                decoder.error("'max_records' of '\(key)' must be between 1 and \(RecordSchema.defaultMaxRecords), not \(n)", at: maxNode, path.appending("max_records"))
            }
        }
        let fieldsPath = path.appending("fields")
        guard let pairs = node.mapping else {
            decoder.error("'fields' of '\(key)' must be a mapping of field names to their definitions, not \(decoder.describe(node))", at: node, fieldsPath)
            return nil
        }
        var fields: [RecordField] = []
        for pair in pairs {
            guard let name = pair.key.scalar?.string else {
                decoder.error("field names must be texts", at: pair.key, fieldsPath)
                continue
            }
            let fieldPath = fieldsPath.appending(name)
            if name.contains(".") || !isValidKey(name) {
                decoder.error("field name '\(name)' must be one lowercase word, with '_' between parts", at: pair.key, fieldPath)
                continue
            }
            if fields.contains(where: { $0.name == name }) {
                decoder.error("field '\(name)' of '\(key)' is defined twice", at: pair.key, fieldPath)
                continue
            }
            guard let definition = definition("\(key).\(name)", pair.value, decoder, fieldPath, field: true) else { continue }
            if definition.minimum != nil || definition.atMost != nil {
                decoder.error("field '\(name)' of '\(key)' takes no 'min' or 'at_most' (counts and money are never negative; 'max' bounds a count or number)", at: pair.value, fieldPath)
            }
            var maximum = definition.maximum
            if maximum != nil {
                switch definition.type {
                case .integer, .number: break
                default:
                    decoder.error("field '\(name)' of '\(key)' takes 'max' only as an integer or number, not \(definition.type.name)", at: pair.value, fieldPath)
                    maximum = nil
                }
            }
            switch definition.type {
            case .list, .records:
                decoder.error("field '\(name)' of '\(key)' must have a single value (boolean, integer, number, percent, money, date, text or enum), not \(definition.type.name)",
                              at: pair.value, fieldPath)
                continue
            default: break
            }
            fields.append(RecordField(name: name, type: definition.type, unit: definition.unit, description: definition.description,
                                      valueLabels: definition.valueLabels, maximum: maximum))
        }
        guard !fields.isEmpty else {
            decoder.error("records fact '\(key)' needs at least one field", at: node, fieldsPath)
            return nil
        }
        return RecordSchema(fields: fields, maxRecords: maxRecords)
    }

    static func isValidKey(_ key: String) -> Bool {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            guard let first = part.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
            return part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        }
    }
}
