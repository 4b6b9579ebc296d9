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
            if let root = decoder.mapping(node, .root, what: Message("subject.fact-dictionary")) {
                _ = root.value("version")
                if let facts = root.mapping("facts", required: true) {
                    for pair in facts.pairs {
                        guard let key = pair.key.scalar?.string else {
                            decoder.error(Message("dictionary.key.not-text"), at: pair.key, facts.path)
                            continue
                        }
                        if let definition = definition(key, pair.value, decoder, facts.path.appending(key)) {
                            if dictionary.contains(key) {
                                decoder.error(Message("dictionary.fact.twice", key), at: pair.key, facts.path.appending(key))
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
                    let message = Suggestion.closest(to: other, in: dictionary.keys).map { Message("dictionary.at-most.not-numeric.suggested", key, $0) }
                        ?? Message("dictionary.at-most.not-numeric", key)
                    decoder.add(.error(message, at: definition.location, path: "facts.\(key).at_most"))
                }
            }
            return Loaded(value: dictionary, diagnostics: decoder.diagnostics.sortedForReport())
        }
    }

    private static func definition(_ key: String, _ node: Node, _ decoder: DocumentDecoder, _ path: KeyPath, field: Bool = false) -> FactDefinition? {
        if !field && !isValidKey(key) {
            decoder.error(Message("dictionary.key.invalid", key), at: node, path)
        }
        if !field && (key == "period" || key.hasPrefix("period.")) {
            decoder.error(Message("dictionary.key.reserved", key, "period.from", "period.to"), at: node, path)
        }
        guard let map = decoder.mapping(node, path, what: Message("subject.fact", key)) else { return nil }
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
                    if let v = decoder.text(item, path.appending("values"), what: Message("subject.value")) { values?.append(v) }
                }
            } else if let pairs = valuesNode.mapping {
                for pair in pairs {
                    guard let v = pair.key.scalar?.text else { continue }
                    values?.append(v)
                    if let label = decoder.localized(pair.value, path.appending("values").appending(v), what: Message("subject.label-of", v)) {
                        labels[v] = label
                    }
                }
            } else {
                decoder.error(Message("dictionary.values.kind"), at: valuesNode, path.appending("values"))
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
                decoder.error(Message("dictionary.enum.no-values", key), at: node, path)
                return nil
            }
            type = .enumeration(values)
        case "list": type = .list(of: values)
        case "records":
            guard let fieldsNode, let schema = schema(fieldsNode, maxRecordsNode, key, decoder, path) else {
                if fieldsNode == nil { decoder.error(Message("dictionary.records.no-fields", key), at: node, path) }
                return nil
            }
            type = .records(schema)
        default:
            let types = FactType.names.joined(separator: ", ")
            let message = Suggestion.closest(to: typeName, in: FactType.names).map { Message("dictionary.type.unknown.suggested", typeName, key, $0, types) }
                ?? Message("dictionary.type.unknown", typeName, key, types)
            decoder.error(message, at: map.value("type")!, path.appending("type"))
            return nil
        }
        if case .records = type {} else {
            if let fieldsNode { decoder.error(Message("dictionary.fields.not-records"), at: fieldsNode, path.appending("fields")) }
            if let maxRecordsNode { decoder.error(Message("dictionary.max-records.not-records"), at: maxRecordsNode, path.appending("max_records")) }
        }
        if values != nil && type.allowedValues == nil {
            decoder.error(Message("dictionary.values.not-allowed"), at: map.value("values")!, path.appending("values"))
        }
        return FactDefinition(key: key, type: type, unit: unit, minimum: minimum, maximum: maximum,
                              atMost: atMost, description: LocalizedText(zh: zh, en: en), valueLabels: labels,
                              location: decoder.location(node))
    }

    /// The fields of a records fact: each a mapping with a scalar type, a zh title, and optionally en, unit and values.
    private static func schema(_ node: Node, _ maxNode: Node?, _ key: String, _ decoder: DocumentDecoder, _ path: KeyPath) -> RecordSchema? {
        var maxRecords = RecordSchema.defaultMaxRecords
        if let maxNode, let n = decoder.integer(maxNode, path.appending("max_records"), what: Message("subject.key", "max_records")) {
            if (1...RecordSchema.defaultMaxRecords).contains(n) {
                maxRecords = n
            } else {
                decoder.error(Message("dictionary.max-records.range", key, String(RecordSchema.defaultMaxRecords), String(n)), at: maxNode,
                              path.appending("max_records"))
            }
        }
        let fieldsPath = path.appending("fields")
        guard let pairs = node.mapping else {
            decoder.error(Message("dictionary.fields.kind", [key], parts: [decoder.written(node)]), at: node, fieldsPath)
            return nil
        }
        var fields: [RecordField] = []
        for pair in pairs {
            guard let name = pair.key.scalar?.string else {
                decoder.error(Message("dictionary.field.name.not-text"), at: pair.key, fieldsPath)
                continue
            }
            let fieldPath = fieldsPath.appending(name)
            if name.contains(".") || !isValidKey(name) {
                decoder.error(Message("dictionary.field.name.invalid", name), at: pair.key, fieldPath)
                continue
            }
            if fields.contains(where: { $0.name == name }) {
                decoder.error(Message("dictionary.field.twice", name, key), at: pair.key, fieldPath)
                continue
            }
            guard let definition = definition("\(key).\(name)", pair.value, decoder, fieldPath, field: true) else { continue }
            if definition.minimum != nil || definition.atMost != nil {
                decoder.error(Message("dictionary.field.bounds", name, key), at: pair.value, fieldPath)
            }
            var maximum = definition.maximum
            if maximum != nil {
                switch definition.type {
                case .integer, .number: break
                default:
                    decoder.error(Message("dictionary.field.max-type", name, key, definition.type.name), at: pair.value, fieldPath)
                    maximum = nil
                }
            }
            switch definition.type {
            case .list, .records:
                decoder.error(Message("dictionary.field.not-single", name, key, definition.type.name), at: pair.value, fieldPath)
                continue
            default: break
            }
            fields.append(RecordField(name: name, type: definition.type, unit: definition.unit, description: definition.description,
                                      valueLabels: definition.valueLabels, maximum: maximum))
        }
        guard !fields.isEmpty else {
            decoder.error(Message("dictionary.records.no-field", key), at: node, fieldsPath)
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
