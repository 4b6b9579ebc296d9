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
    }

    func facts(_ node: Node, _ path: KeyPath) -> [String: FactEntry] {
        var entries: [String: FactEntry] = [:]
        collect(node, prefix: "", path: path, into: &entries)
        if unknown.count > Self.unknownFactWarnings, let first = unknown.first {
            decoder.warning("\(unknown.count - Self.unknownFactWarnings) more unknown facts are not listed", at: first, path)
        }
        return entries
    }

    private func collect(_ node: Node, prefix: String, path: KeyPath, into entries: inout [String: FactEntry]) {
        guard let pairs = node.mapping else {
            decoder.error("'\(prefix.isEmpty ? "facts" : prefix)' must be a mapping of facts, not \(decoder.describe(node))", at: node, path)
            return
        }
        for pair in pairs {
            guard let name = pair.key.scalar?.text, pair.key.scalar?.isNull == false else {
                decoder.error("fact keys must be texts, not a \(pair.key.kindName)", at: pair.key, path)
                continue
            }
            let key = prefix.isEmpty ? name : prefix + "." + name
            let keyPath = { path.appending(name) }
            if let type = dictionary.type(of: key) {
                if entries[key] != nil {
                    decoder.error("fact '\(key)' is given twice", at: pair.key, keyPath())
                    continue
                }
                if let value = value(pair.value, key: key, type: type, keyPath()) {
                    entries[key] = FactEntry(value, location: decoder.location(pair.value))
                }
            } else if dictionary.isGroup(key) && pair.value.mapping != nil {
                collect(pair.value, prefix: key, path: keyPath(), into: &entries)
            } else {
                unknown.count += 1
                if unknown.count <= Self.unknownFactWarnings {
                    let hint = Suggestion.hint(for: key, in: dictionary.keys)
                    decoder.warning("unknown fact '\(key)'\(hint)", at: pair.key, keyPath())
                } else if unknown.first == nil {
                    unknown.first = pair.key
                }
            }
        }
    }

    /// One value by its fact's type; nil (and an error) when it does not fit, nil (silently) when empty.
    func value(_ node: Node, key: String, type: FactType, _ path: @autoclosure () -> KeyPath) -> Value? {
        let value = typedValue(node, key: key, type: type, path())
        if case .number(let n)? = value, let problem = NumberLimit.fact.problem(n) {
            decoder.error("'\(key)': \(problem)", at: node, path())
            return nil
        }
        return value
    }

    func typedValue(_ node: Node, key: String, type: FactType, _ path: @autoclosure () -> KeyPath) -> Value? {
        if node.scalar?.isNull == true { return nil }
        // A number too long to hold exactly is said to be that, whatever the fact's type, naming the limit.
        if let s = node.scalar, s.kind == .int || s.kind == .float, Rational(decimal: s.text) == nil, s.double?.isFinite ?? true {
            switch type {
            case .integer, .number, .money, .percent:
                decoder.error("'\(key)': \(s.text) is too large or has too many digits to compute exactly (at most \(NumberLimit.fact.magnitude.formatted(places: 0)), with at most \(NumberLimit.fact.decimals) decimals)",
                              at: node, path())
                return nil
            default: break
            }
        }
        func fail(_ wanted: String, hint: String = "") -> Value? {
            decoder.error("'\(key)' must be \(wanted), not \(decoder.describe(node))\(hint)", at: node, path())
            return nil
        }
        switch type {
        case .boolean:
            if let b = node.scalar?.bool { return .bool(b) }
            let text = node.scalar?.text.lowercased() ?? ""
            let hint = ["yes", "no", "on", "off", "y", "n", "是", "否"].contains(text) ? " (write true or false)" : ""
            return fail("true or false", hint: hint)
        case .integer:
            guard let s = node.scalar else { return fail("a whole number") }
            if s.kind == .int, let r = Rational(decimal: s.text), r.isInteger { return .number(r) }
            if s.kind == .float, let r = Rational(decimal: s.text), r.isInteger { return .number(r) }
            return fail("a whole number")
        case .number:
            guard let s = node.scalar, s.kind == .int || s.kind == .float else { return fail("a number") }
            guard let r = Rational(decimal: s.text) else {
                // A number all the same, but too long to hold exactly: say so, naming the limit.
                decoder.error("'\(key)': \(s.text) is too large or has too many digits to compute exactly (at most \(NumberLimit.fact.magnitude.formatted(places: 0)), with at most \(NumberLimit.fact.decimals) decimals)",
                              at: node, path())
                return nil
            }
            return .number(r)
        case .percent:
            guard let s = node.scalar else { return fail("a percentage such as '42%'") }
            if s.kind == .string, let r = DocumentDecoder.percent(s.text) { return .number(r) }
            if s.kind == .int || s.kind == .float {
                return fail("a percentage such as '42%'", hint: " (write the % sign)")
            }
            return fail("a percentage such as '42%'")
        case .money:
            guard let s = node.scalar, s.kind == .int || s.kind == .float, let r = Rational(decimal: s.text),
                  let fen = r.multiplied(by: 100), fen.isInteger
            else { return fail("an amount in yuan such as 3000000 or 1250.50") }
            return .number(r)
        case .date:
            guard let s = node.scalar, s.kind == .string, DateText.isValid(s.text) else {
                return fail("a date such as '2025-12-31'")
            }
            return .date(s.text)
        case .text:
            guard let s = node.scalar, s.kind != .null else { return fail("a text") }
            return .text(s.text)
        case .enumeration(let allowed):
            guard let s = node.scalar, s.kind == .string || s.kind == .int else { return fail("one of \(list(allowed))") }
            guard allowed.contains(s.text) else {
                return fail("one of \(list(allowed))", hint: Suggestion.hint(for: s.text, in: allowed))
            }
            return .text(s.text)
        case .list(let allowed):
            guard let items = node.sequence else { return fail("a list") }
            var values: [Value] = []
            var failed = false
            var seen = Set<String>()
            for (i, item) in items.enumerated() {
                guard let s = item.scalar, s.kind != .null else {
                    decoder.error("items of '\(key)' must be texts, not \(decoder.describe(item))", at: item, path().appending(i))
                    failed = true
                    continue
                }
                if let allowed, !allowed.contains(s.text) {
                    decoder.error("'\(s.text)' is not an allowed item of '\(key)'\(Suggestion.hint(for: s.text, in: allowed)); allowed: \(list(allowed))",
                                  at: item, path().appending(i))
                    failed = true
                    continue
                }
                if !seen.insert(s.text).inserted {
                    decoder.warning("'\(s.text)' is listed twice in '\(key)'", at: item, path().appending(i))
                    continue
                }
                values.append(.text(s.text))
            }
            return failed ? nil : .list(values)
        case .records(let schema):
            return records(node, key: key, schema: schema, path())
        }
    }

    /// A table: a list of mappings, each field typed by the schema; an empty field is not given (missing data for
    /// whatever reads it). More records than the schema allows, an unknown field or a value of the wrong type is an
    /// error at its place, and the table is not taken.
    private func records(_ node: Node, key: String, schema: RecordSchema, _ path: KeyPath) -> Value? {
        guard let items = node.sequence else {
            decoder.error("'\(key)' must be a list of records (one mapping per entry), not \(decoder.describe(node))", at: node, path)
            return nil
        }
        guard items.count <= schema.maxRecords else {
            decoder.error("'\(key)' has \(items.count) records, more than the \(schema.maxRecords) allowed", at: node, path)
            return nil
        }
        var records: [Value] = []
        records.reserveCapacity(items.count)
        var failed = false
        for (i, item) in items.enumerated() {
            let itemPath = path.appending(i)
            guard let pairs = item.mapping else {
                decoder.error("entry \(i + 1) of '\(key)' must be a mapping of fields (\(schema.fieldNames.joined(separator: ", "))), not \(decoder.describe(item))",
                              at: item, itemPath)
                failed = true
                continue
            }
            var fields: [String: Value] = [:]
            for pair in pairs {
                guard let name = pair.key.scalar?.text, pair.key.scalar?.isNull == false else {
                    decoder.error("field names must be texts, not a \(pair.key.kindName)", at: pair.key, itemPath)
                    failed = true
                    continue
                }
                let fieldPath = itemPath.appending(name)
                guard let field = schema.field(name) else {
                    decoder.error("unknown field '\(name)' in entry \(i + 1) of '\(key)'\(Suggestion.hint(for: name, in: schema.fieldNames)); fields: \(schema.fieldNames.joined(separator: ", "))",
                                  at: pair.key, fieldPath)
                    failed = true
                    continue
                }
                if fields[name] != nil {
                    decoder.error("field '\(name)' is given twice in entry \(i + 1) of '\(key)'", at: pair.key, fieldPath)
                    failed = true
                    continue
                }
                if pair.value.scalar?.isNull == true { continue }
                let label = "\(key)[\(i + 1)].\(name)"
                guard let value = value(pair.value, key: label, type: field.type, fieldPath) else {
                    failed = true
                    continue
                }
                if case .number(let n) = value, let minimum = field.minimum, n < minimum {
                    decoder.error("'\(label)' is \(n.formatted(places: 2)), below the minimum \(minimum.formatted())", at: pair.value, fieldPath)
                    failed = true
                    continue
                }
                if case .percent = field.type, case .number(let n) = value, n > .one {
                    decoder.error("'\(label)' is above 100%", at: pair.value, fieldPath)
                    failed = true
                    continue
                }
                fields[name] = value
            }
            records.append(.record(fields))
        }
        return failed ? nil : .list(records)
    }

    private func list(_ values: [String]) -> String {
        values.map { "'\($0)'" }.joined(separator: ", ")
    }
}
