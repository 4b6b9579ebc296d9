import ParkScore
import ParkScoreIO

/// What command output shows as it is written, for `PlainWordingChecker`: the identifiers (ids, fact keys and values,
/// file names, formulas as a scorecard writes them) that may stand in Chinese output, and the Chinese data (clauses,
/// policy titles, units) that may stand in English output.
public enum OutputIdentifiers {
    /// Ids, keys, values, file names and formulas of the scorecards and the dictionary, and the samples' park ids.
    public static func identifiers(_ scorecards: [Scorecard], dictionary: FactDictionary, extra: [String] = []) -> [String] {
        var out = extra + ["parkscore explain", "parkscore template", "parkscore validate", "parkscore score", "parkscore",
                           ScoringModel.weightedDimensions.rawValue]
        for key in dictionary.keys {
            out.append(key)
            guard let type = dictionary.type(of: key) else { continue }
            out += type.allowedValues ?? []
            if case .records(let schema) = type {
                out += schema.fieldNames
                for field in schema.fields { out += field.type.allowedValues ?? [] }
            }
        }
        for s in scorecards {
            out += [s.id, s.version, s.source.file]
            out += s.derived.flatMap { [$0.key, $0.expression.source] }
            out += s.gates.flatMap { [$0.id, $0.condition.source] }
            out += s.dimensions.map(\.id)
            for c in s.criteria {
                out.append(c.id)
                out += c.expressions.map(\.source)
                if case .checklist(let list) = c.kind { out += list.items.map(\.id) }
            }
            for i in s.incentives {
                out += [i.id, i.cap.source] + [i.condition, i.base, i.yearsLeft].compactMap { $0?.source }
                out += [i.forEach, i.parkTotals?.condition?.source, i.parkTotals?.base?.source, i.parkTotals?.cap.source].compactMap { $0 }
            }
        }
        return out
    }

    /// The Chinese a scorecard quotes as written: clause refs and quotes, the policy text's title, the dictionary's units.
    public static func chineseData(_ scorecards: [Scorecard], dictionary: FactDictionary, extra: [String] = []) -> [String] {
        var out = extra
        for key in dictionary.keys { if let unit = dictionary[key]?.unit { out.append(unit) } }
        for s in scorecards {
            out += [s.source.title]
            let clauses = s.gates.map(\.clause) + s.criteria.map(\.clause) + s.incentives.map(\.clause)
            out += clauses.compactMap { $0 }.flatMap { [$0.ref, $0.quote] }
        }
        return out
    }
}
