import Foundation
import ParkScore
import ParkScoreIO
import ParkScoreTestSupport
import XCTest

/// `JSONText` (our encoder) against Foundation's `JSONEncoder` with the options it replaced: the same bytes for the real
/// documents, for every edge case of layout, key order, escaping and numbers, and for random values.
final class JSONTextTests: XCTestCase {
    /// What `JSONText.encode` gave when it was Foundation's JSONEncoder.
    static func foundation(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    func assertSame(_ value: some Encodable, _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line) {
        let expected = Self.foundation(value)
        let ours = JSONText.encode(value)
        XCTAssertEqual(ours, expected, message(), file: file, line: line)
        XCTAssertEqual(JSONText.bytes(value), Array(expected.utf8), message(), file: file, line: line)
        // Through Swift.Encoder even where the value writes itself directly (the result documents): the same bytes.
        XCTAssertEqual(JSONText.treeBytes(value), Array(expected.utf8), message(), file: file, line: line)
    }

    // MARK: - The real documents

    func testEverySampleAgainstEveryScorecard() throws {
        let dictionary = try Repository.dictionary()
        let engine = ScoringEngine(dictionary: dictionary)
        let scorecards = try Repository.catalog.scorecardIDs.map { try Repository.scorecard($0, dictionary: dictionary) }
        let samples = try FileManager.default.contentsOfDirectory(atPath: Repository.path("Samples"))
            .filter { FileManager.default.fileExists(atPath: Repository.path("Samples/\($0)/self-report.yaml")) }.sorted()
        XCTAssertGreaterThanOrEqual(samples.count, 10)
        var all: [ResultDocument] = []
        for name in samples {
            let report = try Repository.sample(name, dictionary: dictionary, scorecards: scorecards)
            for scorecard in scorecards {
                let result = engine.score(report, against: scorecard)
                for language in [LocalizedText.Language.zh, .en] {
                    let document = ResultDocument(result: result, scorecard: scorecard, report: report, messages: TestCatalogue.messages(language))
                    assertSame(document, "\(name) × \(scorecard.id) \(language)")
                    XCTAssertEqual(document.encoded(), Self.foundation(document))
                    all.append(document)
                }
            }
        }
        XCTAssertEqual(ResultDocument.encoded(all), Self.foundation(all))
    }

    /// Through the pipeline with each sample's reviews: evaluation results with their stages and findings.
    func testEverySampleThroughThePipeline() throws {
        let library = try XCTUnwrap(CriteriaLibrary.open(Repository.catalog).validValue)
        var evaluated = 0
        for sample in try SampleApplications.all(in: Repository.path("Samples")) {
            let (name, withReviews) = (sample.name, sample.withReviews)
            let assessment = AssessmentPipeline(criteria: library, toolVersion: "test").assess(sample.input)
            for result in try XCTUnwrap(assessment.validValue, name).results {
                if result.staged != nil { evaluated += 1 }
                for language in [LocalizedText.Language.zh, .en] {
                    assertSame(ResultDocument(result, messages: TestCatalogue.messages(language)), "\(name) reviews: \(withReviews) \(language)")
                }
            }
        }
        XCTAssertGreaterThan(evaluated, 0, "some sample is evaluated with its reviews")
    }

    // MARK: - Layout

    struct Empty: Encodable {}

    struct Layout: Encodable {
        var emptyArray: [Int] = []
        var emptyObject: [String: Int] = [:]
        var emptyStruct = Empty()
        var nestedEmpty: [[Int]] = [[], [1], []]
        var nestedObjects: [[String: [String: Bool]]] = [[:], ["a": [:]], ["b": ["c": true, "d": false]]]
        var flag = true
        var off = false
        var count = 42
        var negative = -7
        var big = Int.max
        var small = Int.min
        var unsigned: UInt64 = .max
        var byte: Int8 = -128
        var word: UInt16 = 65535
        var absent: String? = nil
        var present: String? = "here"
        var absentNumber: Int? = nil
        var optionalsInArray: [Int?] = [1, nil, 3]
        var nestedOptional: String?? = .some(nil)
        var intKeys: [Int: String] = [10: "ten", 9: "nine", -1: "minus one", 100: "hundred"]
    }

    func testLayout() {
        assertSame(Layout())
        assertSame(Empty())
        assertSame([Empty(), Empty()])
        assertSame([Int]())
        assertSame([String: Int]())
        assertSame([[[[Int]]]]())
        assertSame([[[[1]]]])
        assertSame(["k": [String: [Int]]()])
    }

    func testTopLevelFragments() {
        assertSame("a string")
        assertSame(12)
        assertSame(true)
        assertSame(Optional<Int>.none)
        assertSame(Optional<String>.some("x"))
        assertSame(1.5)
        assertSame(Rational(1250, 100).map { JSONNumber($0) })
        assertSame(Decimal(string: "12.50"))
        assertSame(URL(string: "https://example.com/a/b?c=d"))
        assertSame(Data([0, 1, 2, 250, 255]))
        assertSame(Date(timeIntervalSinceReferenceDate: 12345.5))
    }

    // MARK: - Key order

    func testKeyOrder() {
        let keys = ["b", "B", "a10", "a9", "a2", "a", "ab", "Ab", "aB", "AB", "Z", "z", "_", "-", " ", "", "0", "10", "9", "中", "中文",
                    "文", "日本", "é", "e", "f", "ü", "ä", "Ä", "😀", "\u{FFFF}", "\u{FF5E}", "ｚ", "\u{1F}", "\"", "\\", "/", "a\u{0}",
                    "key", "key1", "key10", "key2", "Key", "KEY", "keys", "k", "αβ", "Ω", "ω", "\u{7F}", "\u{80}", "\u{2028}"]
        var dictionary: [String: Int] = [:]
        for (i, key) in keys.enumerated() { dictionary[key] = i }
        assertSame(dictionary)
        // Also as members of a struct (CodingKeys in declaration order) and a small dictionary (insertion sort).
        assertSame(Dictionary(uniqueKeysWithValues: keys.prefix(20).enumerated().map { ($1, $0) }))
        assertSame(Dictionary(uniqueKeysWithValues: keys.suffix(20).enumerated().map { ($1, $0) }))
        assertSame(KeyOrder())
    }

    struct KeyOrder: Encodable {
        var zeta = 1, Alpha = 2, alpha = 3, alpha10 = 4, alpha9 = 5, alpha_ = 6, ALPHA = 7, 名称 = 8, _x = 9, x = 10
    }

    // MARK: - Strings

    func testStringEscaping() {
        var all = ""
        for scalar in (0..<0x80).compactMap(Unicode.Scalar.init) { all.unicodeScalars.append(scalar) }
        assertSame(all)
        assertSame([all: all])
        let samples = ["", "plain", "quote \" and backslash \\ and slash / and //", "tab\t nl\n cr\r ff\u{0C} bs\u{08}",
                       "\u{0}\u{1}\u{1F}\u{7F}\u{80}\u{9F}\u{A0}", "line sep \u{2028} para sep \u{2029}", "中文，标点。「」",
                       "emoji 😀👩‍👩‍👧 flags 🇨🇳", "combining e\u{301} vs é", "\u{FEFF}bom", "\u{FFFD}\u{FFFF}", "</script>", "a\u{0}b",
                       String(repeating: "long ", count: 2000), "https://example.com/path?x=1&y=2"]
        for s in samples { assertSame(s, s) }
        assertSame(samples)
        assertSame(Dictionary(uniqueKeysWithValues: samples.map { ($0, $0) }))
    }

    // MARK: - Numbers

    func testNumbers() {
        let cases: [(Int, Int)] = [(1250, 100), (300, 100), (0, 1), (-1, 1000), (1, 1000), (10, 100), (-0, 100), (1, 3), (2, 3), (-2, 3),
                                   (1, 200), (-1, 200), (-1, 201), (5, 1000), (-5, 1000), (995, 1000), (-995, 1000), (999_999, 1000),
                                   (7833, 100), (1_000_000_000_000_000, 1), (1_000_000_000_123_456, 1_000_000),
                                   (999_999_999_999_999_999, 1_000), (Int.max, 1), (Int.min + 1, 1), (Int.max, 7), (Int.min + 1, 3),
                                   (1, Int.max), (-1, Int.max), (Int.max, Int.max - 1), (123_456_789_012_345, 1_000_000)]
        var numbers: [JSONNumber] = []
        for (n, d) in cases {
            guard let r = Rational(n, d) else {
                XCTFail("\(n)/\(d)")
                continue
            }
            for places in [0, 1, 2, 3, 4, 6, 10, 18, 19, 20, 21, 25, 30, 38, 39, 40, 45] {
                let number = JSONNumber(r, places: places)
                assertSame(number, "\(n)/\(d) places \(places)")
                numbers.append(number)
            }
        }
        assertSame(numbers)
        // Large values with six decimals: a Rational holds 1e15 with a small denominator; with 10⁶ as denominator, up to ~9.2e12.
        for whole in [0, 1, 999, 9_223_372_036_853, 999_999_999_999] {
            for micro in [0, 1, 10, 100_000, 123_456, 999_999, 500_000] {
                for sign in [1, -1] {
                    guard let r = Rational(sign * (whole * 1_000_000 + micro), 1_000_000) else {
                        XCTFail("\(whole).\(micro)")
                        continue
                    }
                    assertSame(JSONNumber(r, places: 6))
                    assertSame(JSONNumber(r, places: 2))
                }
            }
        }
        for whole in [1_000_000_000_000_000, 999_999_999_999_999, 123_456_789_012_345] {
            for d in [1, 2, 3, 7, 8, 64, 625] {
                for sign in [1, -1] {
                    guard let r = Rational(sign * (whole * d + 1), d) else { continue }
                    for places in [0, 2, 4, 6] { assertSame(JSONNumber(r, places: places), "\(whole) + 1/\(d)") }
                }
            }
        }
    }

    func testFloatsAndIntegers() {
        let doubles: [Double] = [0, -0.0, 1, -1, 0.1, 0.1 + 0.2, 100, 1e20, 1e21, 1e-7, 1.5e300, Double.leastNonzeroMagnitude, .greatestFiniteMagnitude,
                                 123456789.125, 1 / 3, -2.5e-5, 4503599627370496, 9007199254740992]
        assertSame(doubles)
        assertSame(doubles.map(Float.init))
        for d in doubles { assertSame(["d": d]) }
        assertSame([Int8.min, Int8.max].map(Int.init))
        assertSame([UInt64.max, 0, 1])
        assertSame([Int64.min, Int64.max])
        assertSame([Int32.min, Int32.max])
    }

    func testWhatJSONEncoderRefusesIsNull() {
        assertSame(Double.nan)
        assertSame(["x": Double.infinity])
        assertSame([Float.nan])
        assertSame(Quiet())
        var deep = Nest.leaf
        for _ in 0..<509 { deep = .nest([deep]) }
        assertSame(deep, "510 deep")
        deep = .nest([deep])
        assertSame(deep, "511 deep")
        deep = .nest([deep])
        assertSame(deep, "512 deep")
        deep = .nest([deep])
        assertSame(deep, "513 deep")
    }

    /// Encodes nothing at all.
    struct Quiet: Encodable {
        func encode(to encoder: Encoder) throws {}
    }

    indirect enum Nest: Encodable {
        case leaf, nest([Nest])
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .leaf: try c.encode(1)
            case .nest(let items): try c.encode(items)
            }
        }
    }

    // MARK: - Hand-written encode(to:)

    struct Handmade: Encodable {
        enum Keys: String, CodingKey { case a, b, c, d, e, f, g, quiet }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(1, forKey: .a)
            try c.encode("replaced", forKey: .b)
            try c.encode("later", forKey: .b)
            try c.encodeNil(forKey: .c)
            try c.encodeIfPresent(Optional<Int>.none, forKey: .d)
            var nested = c.nestedContainer(keyedBy: Keys.self, forKey: .e)
            try nested.encode(true, forKey: .a)
            var list = c.nestedUnkeyedContainer(forKey: .f)
            try list.encode(1)
            try list.encodeNil()
            var inner = list.nestedContainer(keyedBy: Keys.self)
            try inner.encode("x", forKey: .g)
            var innerList = list.nestedUnkeyedContainer()
            try innerList.encode("y")
            try c.encode(Quiet(), forKey: .quiet)
            let sup = c.superEncoder()
            var s = sup.container(keyedBy: Keys.self)
            try s.encode(2, forKey: .a)
            let supKeyed = c.superEncoder(forKey: .g)
            var sv = supKeyed.singleValueContainer()
            try sv.encode("from super")
            // A second request for the same container on the same encoder.
            var again = encoder.container(keyedBy: Keys.self)
            try again.encode(3, forKey: .d)
        }
    }

    struct SuperInArray: Encodable {
        func encode(to encoder: Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(1)
            let sup = c.superEncoder()
            var s = sup.unkeyedContainer()
            try s.encode("inner")
            _ = c.superEncoder()
            try c.encode(Quiet())
            try c.encode(2)
        }
    }

    func testHandwrittenEncoders() {
        assertSame(Handmade())
        assertSame([Handmade(), Handmade()])
        assertSame(SuperInArray())
        assertSame(["x": SuperInArray()])
    }

    // MARK: - Random values


    indirect enum Random: Encodable {
        case string(String), int(Int), double(Double), bool(Bool), null, number(JSONNumber)
        case array([Random]), object([String: Random]), record(Record)

        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .string(let s): try c.encode(s)
            case .int(let i): try c.encode(i)
            case .double(let d): try c.encode(d)
            case .bool(let b): try c.encode(b)
            case .null: try c.encodeNil()
            case .number(let n): try c.encode(n)
            case .array(let a): try c.encode(a)
            case .object(let o): try c.encode(o)
            case .record(let r): try c.encode(r)
            }
        }
    }

    struct Record: Encodable {
        var name: String
        var note: String?
        var score: JSONNumber?
        var items: [Random]
        var tags: [String]
        var flag: Bool?
    }

    static func randomString(_ g: inout SplitMix) -> String {
        let length = Int.random(in: 0...12, using: &g)
        var s = String.UnicodeScalarView()
        for _ in 0..<length {
            let scalar: Unicode.Scalar?
            switch Int.random(in: 0..<10, using: &g) {
            case 0: scalar = Unicode.Scalar(UInt8.random(in: 0..<0x20, using: &g))
            case 1: scalar = ["\"", "\\", "/", "\u{7F}", "\u{2028}", "\u{2029}", "\u{FEFF}"].randomElement(using: &g)
            case 2: scalar = Unicode.Scalar(UInt32.random(in: 0x4E00...0x9FFF, using: &g))
            case 3: scalar = Unicode.Scalar(UInt32.random(in: 0x80...0xFFFF, using: &g))
            case 4: scalar = Unicode.Scalar(UInt32.random(in: 0x10000...0x10FFFF, using: &g))
            default: scalar = Unicode.Scalar(UInt8.random(in: 0x20..<0x7F, using: &g))
            }
            if let scalar { s.append(scalar) }
        }
        return String(s)
    }

    static func randomNumber(_ g: inout SplitMix) -> JSONNumber {
        let magnitude = [10, 1000, 1_000_000, 1_000_000_000_000_000, Int.max].randomElement(using: &g) ?? 10
        let n = Int.random(in: -magnitude...magnitude, using: &g)
        let d = [1, 2, 3, 7, 100, 1000, 1_000_000, Int.random(in: 1...Int.max, using: &g)].randomElement(using: &g) ?? 1
        return JSONNumber(Rational(n, d) ?? .zero, places: Int.random(in: 0...42, using: &g))
    }

    static func random(_ g: inout SplitMix, depth: Int) -> Random {
        let leafOnly = depth >= 4
        switch Int.random(in: 0..<(leafOnly ? 6 : 9), using: &g) {
        case 0: return .string(randomString(&g))
        case 1: return .int(Int.random(in: Int.min...Int.max, using: &g) >> Int.random(in: 0...63, using: &g))
        case 2:
            let d = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &g))
            return .double(d.isFinite ? d : Double.random(in: -1e6...1e6, using: &g))
        case 3: return .bool(Bool.random(using: &g))
        case 4: return .null
        case 5: return .number(randomNumber(&g))
        case 6: return .array((0..<Int.random(in: 0...5, using: &g)).map { _ in random(&g, depth: depth + 1) })
        case 7:
            var o: [String: Random] = [:]
            for _ in 0..<Int.random(in: 0...30, using: &g) { o[randomString(&g)] = random(&g, depth: depth + 1) }
            return .object(o)
        default:
            return .record(Record(name: randomString(&g), note: Bool.random(using: &g) ? randomString(&g) : nil,
                                  score: Bool.random(using: &g) ? randomNumber(&g) : nil,
                                  items: (0..<Int.random(in: 0...3, using: &g)).map { _ in random(&g, depth: depth + 1) },
                                  tags: (0..<Int.random(in: 0...3, using: &g)).map { _ in randomString(&g) },
                                  flag: [true, false, nil].randomElement(using: &g) ?? nil))
        }
    }

    func testRandomValues() {
        var g = SplitMix(state: 20_260_201)
        for i in 0..<2000 {
            let value = Self.random(&g, depth: 0)
            let expected = Self.foundation(value)
            let ours = JSONText.encode(value)
            if ours != expected {
                XCTFail("random value \(i) differs:\n\(ours)\nJSONEncoder:\n\(expected)")
                return
            }
        }
    }
}
