import ParkScore
import ParkYAML

/// Reads park facts from a `facts` mapping, by the dictionary's types. Nested mappings spell keys
/// (`tenants: {total: 45}` is `tenants.total`); an empty value is a fact not given (missing data).
struct FactValueDecoder {
    let dictionary: FactDictionary
    let decoder: DocumentDecoder
    /// Unknown facts are warned about one by one up to this many, then counted in one warning.
    static let unknownFactWarnings = 50
    private let unknown = Counter()

    final class Counter {
        var count = 0
        var first: Node?
        /// Unknown keys a typo away from a known one.
        var misspelled: [MisspelledFact] = []
        /// Known facts written with no value (`key:`, a blank cell), and where.
        var blanks: [String: SourceLocation] = [:]
    }

    /// Where each known fact written with no value stands: a message about the missing fact points there.
    var blanks: [String: SourceLocation] { unknown.blanks }

    /// The unknown keys of the facts read so far that are a typo away from a known key.
    var misspelled: [MisspelledFact] { unknown.misspelled }

    func facts(_ node: Node, _ path: KeyPath) -> [String: FactEntry] {
        var entries: [String: FactEntry] = [:]
        collect(node, prefix: "", path: path, into: &entries)
        if unknown.count > Self.unknownFactWarnings, let first = unknown.first {
            decoder.warning(Message("fact.unknown.more", String(unknown.count - Self.unknownFactWarnings)), at: first, path)
        }
        return entries
    }

    private func collect(_ node: Node, prefix: String, path: KeyPath, into entries: inout [String: FactEntry]) {
        guard let pairs = node.mapping else {
            let name = prefix.isEmpty ? "facts" : prefix
            if let text = node.scalar?.text, let fixed = YAMLHint.fullWidthColon(in: text) {
                decoder.add(.error(Message(DiagnosticCode.factsFullWidthColon, name, text, fixed), at: decoder.location(node), path: path.description))
                return
            }
            decoder.add(.error(Message("input.facts.not-mapping", [name], parts: [decoder.written(node)]), at: decoder.location(node), path: path.description))
            return
        }
        for pair in pairs {
            guard let name = pair.key.scalar?.text, pair.key.scalar?.isNull == false else {
                decoder.error(Message("input.facts.key-not-text", [], parts: [decoder.kind(pair.key)]), at: pair.key, path)
                continue
            }
            let key = prefix.isEmpty ? name : prefix + "." + name
            let keyPath = { path.appending(name) }
            if let definition = dictionary[key] {
                if entries[key] != nil {
                    decoder.error(Message("input.facts.twice", key), at: pair.key, keyPath())
                    continue
                }
                if let value = value(pair.value, key: key, shape: FactShape(definition), keyPath()) {
                    entries[key] = FactEntry(value, location: decoder.location(pair.value))
                } else if pair.value.scalar?.isNull == true {
                    unknown.blanks[key] = decoder.location(pair.value)
                }
            } else if dictionary.isGroup(key) && pair.value.mapping != nil {
                collect(pair.value, prefix: key, path: keyPath(), into: &entries)
            } else if dictionary.isGroup(key), let text = pair.value.scalar?.text, YAMLHint.fullWidthColon(in: text) != nil {
                collect(pair.value, prefix: key, path: keyPath(), into: &entries)
            } else if let known = Suggestion.typo(of: key, in: dictionary.keys) {
                // A typo of a known key is an error: its value would be lost, and the known fact silently missing.
                unknown.misspelled.append(MisspelledFact(written: key, known: known, location: decoder.location(pair.key)))
                decoder.add(.error(Message(DiagnosticCode.unknownFactTypo, key, known), at: decoder.location(pair.key), path: keyPath().description))
            } else {
                unknown.count += 1
                if unknown.count <= Self.unknownFactWarnings {
                    let hint = DocumentDecoder.didYouMean(key, in: dictionary.keys)
                    decoder.add(.warning(Message(DiagnosticCode.unknownFact, [key], parts: [hint]), at: decoder.location(pair.key), path: keyPath().description))
                } else if unknown.first == nil {
                    unknown.first = pair.key
                }
            }
        }
    }

    /// One value by its fact's type; nil (and an error) when it does not fit, nil (silently) when empty. A typical
    /// entry that is unambiguous for the type (`20家` for a count in 家) is read, with a note saying how.
    func value(_ node: Node, key: String, shape: FactShape, _ path: @autoclosure () -> KeyPath) -> Value? {
        let value = typedValue(node, key: key, shape: shape, path())
        if case .number(let n)? = value, let problem = NumberLimit.fact.problem(n) {
            let at = path().description
            decoder.add(.error(Message("number.fact." + problem.kind, [key] + problem.arguments), at: decoder.location(node), path: at.isEmpty ? nil : at))
            return nil
        }
        return value
    }

    func typedValue(_ node: Node, key: String, shape: FactShape, _ path: @autoclosure () -> KeyPath) -> Value? {
        let type = shape.type
        if node.scalar?.isNull == true { return nil }
        // A number too long to hold exactly is said to be that, whatever the fact's type, naming the limit.
        if let s = node.scalar, s.kind == .int || s.kind == .float, Rational(decimal: s.text) == nil, s.double?.isFinite ?? true {
            switch type {
            case .integer, .number, .money, .percent:
                decoder.error(Message("input.number.too-long", key, s.text, NumberLimit.fact.magnitude.formatted(places: 0), String(NumberLimit.fact.decimals)),
                              at: node, path())
                return nil
            default: break
            }
        }
        /// An entry that cannot be read: `code` (`input.invalid.*`) with the key, the entry and `extra`; parts: what was
        /// written, the hint, and any `more` (the allowed values).
        func fail(hint: Message = DocumentDecoder.noHint, code: String, _ extra: [String] = [], more: [Message] = []) -> Value? {
            decoder.add(.error(Message(code, [key, node.scalar?.text ?? ""] + extra, parts: [decoder.written(node), hint] + more),
                               at: decoder.location(node), path: path().description))
            return nil
        }
        /// The text of a string scalar, the only kind a typical entry can be.
        let written = node.scalar.flatMap { $0.kind == .string ? $0.text : nil }
        if type.isNumeric, let written, TypicalEntry.isTooLong(written, unit: shape.unit) {
            decoder.error(Message("input.number.too-long-text", key, written, NumberLimit.fact.magnitude.formatted(places: 0), String(NumberLimit.fact.decimals)),
                          at: node, path())
            return nil
        }
        func read(_ value: Value, as shown: String, code: String) -> Value {
            // A value beyond the fact limit is refused by `value`, with no note that it was read.
            if case .number(let n) = value, NumberLimit.fact.problem(n) != nil { return value }
            if let written { decoder.note(Message(code, written, shown), at: node, path()) }
            return value
        }
        switch type {
        case .boolean:
            if let b = node.scalar?.bool { return .bool(b) }
            if let written, let b = TypicalEntry.boolean(written) { return read(.bool(b), as: b ? "true" : "false", code: DiagnosticCode.readBoolean) }
            return fail(hint: Message("input.hint.boolean"), code: DiagnosticCode.invalidBoolean)
        case .integer:
            guard let s = node.scalar else { return fail(code: DiagnosticCode.invalidInteger) }
            if s.kind == .int || s.kind == .float, let r = Rational(decimal: s.text), r.isInteger { return .number(r) }
            if let written, let r = TypicalEntry.number(written, unit: shape.unit), r.isInteger {
                return read(.number(r), as: r.formatted(places: 0), code: DiagnosticCode.readNumber)
            }
            return failNumber(written: written, shape: shape, integer: true, code: DiagnosticCode.invalidInteger, fail)
        case .number:
            if let s = node.scalar, s.kind == .int || s.kind == .float {
                guard let r = Rational(decimal: s.text) else {
                    // A number all the same, but too long to hold exactly: say so, naming the limit.
                    decoder.error(Message("input.number.too-long", key, s.text, NumberLimit.fact.magnitude.formatted(places: 0), String(NumberLimit.fact.decimals)),
                                  at: node, path())
                    return nil
                }
                return .number(r)
            }
            if let written, let r = TypicalEntry.number(written, unit: shape.unit) {
                return read(.number(r), as: r.formatted(places: 12), code: DiagnosticCode.readNumber)
            }
            return failNumber(written: written, shape: shape, integer: false, code: DiagnosticCode.invalidNumber, fail)
        case .percent:
            guard let s = node.scalar else { return fail(code: DiagnosticCode.invalidPercent) }
            if s.kind == .string, let r = DocumentDecoder.percent(s.text) { return .number(r) }
            if let written, let r = TypicalEntry.percent(written) {
                let shown = (r.multiplied(by: 100)?.formatted(places: 12) ?? r.formatted(places: 12)) + "%"
                return read(.number(r), as: shown, code: DiagnosticCode.readPercent)
            }
            if s.kind == .int || s.kind == .float {
                return fail(hint: Message("input.hint.percent-sign"), code: DiagnosticCode.invalidPercent)
            }
            return fail(hint: Message("input.hint.percent"), code: DiagnosticCode.invalidPercent)
        case .money:
            let hint = Message("input.hint.money")
            guard let s = node.scalar else { return fail(hint: hint, code: DiagnosticCode.invalidMoney) }
            if s.kind == .int || s.kind == .float {
                guard let r = Rational(decimal: s.text), let fen = r.multiplied(by: 100), fen.isInteger else {
                    return fail(hint: Message("input.hint.money-fen"), code: DiagnosticCode.invalidMoney)
                }
                return .number(r)
            }
            if let written, let r = TypicalEntry.money(written) {
                guard let fen = r.multiplied(by: 100), fen.isInteger else {
                    return fail(hint: Message("input.hint.money-fen"), code: DiagnosticCode.invalidMoney)
                }
                return read(.number(r), as: r.formatted(places: 2), code: DiagnosticCode.readMoney)
            }
            return fail(hint: hint, code: DiagnosticCode.invalidMoney)
        case .date:
            if let written, DateText.isValid(written) { return .date(written) }
            if let written, let date = TypicalEntry.date(written) { return read(.date(date), as: date, code: DiagnosticCode.readDate) }
            return fail(hint: Message("input.hint.date"), code: DiagnosticCode.invalidDate)
        case .text:
            guard let s = node.scalar, s.kind != .null else { return fail(code: DiagnosticCode.invalidText) }
            return .text(s.text)
        case .enumeration(let allowed):
            let shown = choices(allowed, shape.labels)
            guard let s = node.scalar, s.kind == .string || s.kind == .int else {
                return fail(code: DiagnosticCode.invalidEnum, [allowed.joined(separator: ", ")], more: [shown])
            }
            if allowed.contains(s.text) { return .text(s.text) }
            if let value = TypicalEntry.value(labelled: s.text, in: shape.labels, allowed: allowed) {
                return read(.text(value), as: value, code: DiagnosticCode.readLabel)
            }
            return fail(hint: suggestion(s.text, allowed, shape.labels), code: DiagnosticCode.invalidEnum, [allowed.joined(separator: ", ")],
                        more: [shown])
        case .list(let allowed):
            guard let items = node.sequence else {
                let hint = node.scalar.map { $0.isNull ? DocumentDecoder.noHint : Message("input.hint.list", $0.text) } ?? DocumentDecoder.noHint
                return fail(hint: hint, code: DiagnosticCode.invalidList)
            }
            var values: [Value] = []
            var failed = false
            var seen = Set<String>()
            for (i, item) in items.enumerated() {
                guard let s = item.scalar, s.kind != .null else {
                    decoder.error(Message("input.list.item-not-text", [key], parts: [decoder.written(item)]), at: item, path().appending(i))
                    failed = true
                    continue
                }
                var text = s.text
                if let allowed, !allowed.contains(text) {
                    guard let value = TypicalEntry.value(labelled: text, in: shape.labels, allowed: allowed) else {
                        decoder.add(.error(Message(DiagnosticCode.invalidListItem, [key, text, allowed.joined(separator: ", ")],
                                                   parts: [suggestion(text, allowed, shape.labels), choices(allowed, shape.labels)]),
                                           at: decoder.location(item), path: path().appending(i).description))
                        failed = true
                        continue
                    }
                    decoder.note(Message(DiagnosticCode.readLabel, text, value), at: item, path().appending(i))
                    text = value
                }
                if !seen.insert(text).inserted {
                    decoder.warning(Message("input.list.twice", text, key), at: item, path().appending(i))
                    continue
                }
                values.append(.text(text))
            }
            return failed ? nil : .list(values)
        case .records(let schema):
            return records(node, key: key, schema: schema, path())
        }
    }

    /// A number that could not be read: a unit other than the fact's is named, else the accepted forms are shown.
    private func failNumber(written text: String?, shape: FactShape, integer: Bool, code: String,
                            _ fail: (Message, String, [String], [Message]) -> Value?) -> Value? {
        let wanted = Message(integer ? "input.wanted.integer" : "input.wanted.number")
        if let text, let written = TypicalEntry.unitWritten(text), written != shape.unit {
            let hint = shape.unit.map { Message("input.hint.unit", $0, written) } ?? Message("input.hint.no-unit", written)
            return fail(hint, DiagnosticCode.wrongUnit, [written, shape.unit ?? ""], [wanted])
        }
        let hint: Message
        switch (integer, shape.unit) {
        case (true, nil): hint = Message("input.hint.integer")
        case (true, let unit?): hint = Message("input.hint.integer-unit", unit)
        case (false, nil): hint = Message("input.hint.number")
        case (false, let unit?): hint = Message("input.hint.number-unit", unit)
        }
        return fail(hint, code, [], [])
    }

    private func suggestion(_ text: String, _ allowed: [String], _ labels: [String: LocalizedText]) -> Message {
        let byLabel = allowed.compactMap { labels[$0]?.zh }
        if let label = Suggestion.closest(to: text, in: byLabel) { return Message("input.hint.did-you-mean", label) }
        return DocumentDecoder.didYouMean(text, in: allowed)
    }

    /// The allowed values, each with its Chinese label where the dictionary gives one: `'big_data' (大数据)`.
    private func choices(_ values: [String], _ labels: [String: LocalizedText]) -> Message {
        DocumentDecoder.listing(values.map { value in
            labels[value].map { Message("input.list.labelled", value, $0.zh) } ?? Message("input.list.quoted", value)
        })
    }

    /// A table: a list of mappings, each field typed by the schema; an empty field is not given (missing data for
    /// whatever reads it). More records than the schema allows, an unknown field or a value of the wrong type is an
    /// error at its place, and the table is not taken.
    private func records(_ node: Node, key: String, schema: RecordSchema, _ path: KeyPath) -> Value? {
        guard let items = node.sequence else {
            decoder.error(Message("input.records.not-list", [key], parts: [decoder.written(node)]), at: node, path)
            return nil
        }
        guard items.count <= schema.maxRecords else {
            decoder.error(Message("input.records.too-many", key, String(items.count), String(schema.maxRecords)), at: node, path)
            return nil
        }
        var records: [Value] = []
        records.reserveCapacity(items.count)
        var failed = false
        for (i, item) in items.enumerated() {
            let itemPath = path.appending(i)
            guard let pairs = item.mapping else {
                decoder.error(Message("input.records.entry-not-mapping", [String(i + 1), key],
                                      parts: [fieldNames(schema), decoder.written(item)]), at: item, itemPath)
                failed = true
                continue
            }
            var fields: [String: Value] = [:]
            for pair in pairs {
                guard let name = pair.key.scalar?.text, pair.key.scalar?.isNull == false else {
                    decoder.error(Message("input.records.field-not-text", [], parts: [decoder.kind(pair.key)]), at: pair.key, itemPath)
                    failed = true
                    continue
                }
                let fieldPath = itemPath.appending(name)
                guard let field = schema.field(name) else {
                    decoder.error(Message("input.records.unknown-field", [name, String(i + 1), key],
                                          parts: [DocumentDecoder.didYouMean(name, in: schema.fieldNames), fieldNames(schema)]),
                                  at: pair.key, fieldPath)
                    failed = true
                    continue
                }
                if fields[name] != nil {
                    decoder.error(Message("input.records.field-twice", name, String(i + 1), key), at: pair.key, fieldPath)
                    failed = true
                    continue
                }
                if pair.value.scalar?.isNull == true { continue }
                let label = "\(key)[\(i + 1)].\(name)"
                guard let value = value(pair.value, key: label, shape: FactShape(field), fieldPath) else {
                    failed = true
                    continue
                }
                if case .number(let n) = value, let minimum = field.minimum, n < minimum {
                    decoder.error(Message("input.records.below-minimum", label, n.formatted(places: 2), minimum.formatted()), at: pair.value, fieldPath)
                    failed = true
                    continue
                }
                if case .number(let n) = value, let maximum = field.maximum, n > maximum {
                    decoder.error(Message("input.records.above-maximum", label, n.formatted(places: 2), maximum.formatted()), at: pair.value, fieldPath)
                    failed = true
                    continue
                }
                if case .percent = field.type, case .number(let n) = value, n > .one {
                    decoder.error(Message("input.records.above-100", label), at: pair.value, fieldPath)
                    failed = true
                    continue
                }
                fields[name] = value
            }
            records.append(.record(fields))
        }
        return failed ? nil : .list(records)
    }

    /// A table's field names, as the language lists them: `id, name` / `id、name`.
    private func fieldNames(_ schema: RecordSchema) -> Message {
        DocumentDecoder.listing(schema.fieldNames.map { Message("input.list.plain", $0) })
    }
}

/// What reading a value needs to know of its fact or record field: the type, the unit a number may be written with, and
/// the Chinese labels an enum value or list item may be written as.
struct FactShape {
    let type: FactType
    let unit: String?
    let labels: [String: LocalizedText]

    init(type: FactType, unit: String? = nil, labels: [String: LocalizedText] = [:]) {
        self.type = type
        self.unit = unit
        self.labels = labels
    }

    init(_ definition: FactDefinition) {
        self.init(type: definition.type, unit: definition.unit, labels: definition.valueLabels)
    }

    init(_ field: RecordField) {
        self.init(type: field.type, unit: field.unit, labels: field.valueLabels)
    }
}
