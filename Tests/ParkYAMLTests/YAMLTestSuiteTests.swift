import Foundation
import ParkYAML
import ParkScoreTestSupport
import XCTest

/// Conformance over the public YAML test suite (../shared/yaml-test-suite, beside the repository).
///
/// The bar: no case that libyaml 0.2.5 handles is lost by this layer. Each valid case that libyaml parses
/// loads to the same data as its `in.json` under YAML 1.2 core typing; each error case that libyaml
/// refuses is refused. Deliberate differences are listed in `deliberate` with their reasons.
final class YAMLTestSuiteTests: XCTestCase {
    /// Cases where this layer differs from libyaml on purpose.
    static let deliberate: [String: String] = [:]

    static var suiteFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/yaml-test-suite")
    }

    func testConformance() throws {
        let folder = Self.suiteFolder
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw XCTSkip("../shared/yaml-test-suite is absent: conformance not checked on this machine")
        }
        var cases: [(id: String, dir: URL)] = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where url.lastPathComponent == "in.yaml" {
            let dir = url.deletingLastPathComponent()
            let id = dir.path.dropFirst(folder.path.count + 1)
            cases.append((String(id), dir))
        }
        cases.sort { $0.id < $1.id }

        var eventTotal = 0, eventLibyaml = 0
        var validTotal = 0, validLibyaml = 0, validOurs = 0
        var errorTotal = 0, errorLibyaml = 0, errorOurs = 0
        var failures: [String] = []
        for (id, dir) in cases {
            let bytes = Array(try Data(contentsOf: dir.appendingPathComponent("in.yaml")))
            let libyamlEvents = LibyamlEvents.dump(bytes)
            let libyamlParses = libyamlEvents != nil
            let isError = FileManager.default.fileExists(atPath: dir.appendingPathComponent("error").path)
            if isError {
                errorTotal += 1
                let refused: Bool
                do { _ = try YAMLReader.documents(bytes); refused = false } catch { refused = true }
                if !libyamlParses { errorLibyaml += 1 }
                if refused { errorOurs += 1 }
                if !libyamlParses && !refused && Self.deliberate[id] == nil {
                    failures.append("\(id): error case refused by libyaml but accepted here")
                }
                continue
            }
            // libyaml handles a valid case when its events are the suite's events.
            let expectedEvents = try String(contentsOf: dir.appendingPathComponent("test.event"), encoding: .utf8)
                .split(separator: "\n").map(String.init)
            eventTotal += 1
            let libyamlHandles = libyamlEvents == expectedEvents
            if libyamlHandles { eventLibyaml += 1 }
            let jsonURL = dir.appendingPathComponent("in.json")
            guard let jsonText = try? String(contentsOf: jsonURL, encoding: .utf8) else { continue }
            validTotal += 1
            if libyamlHandles { validLibyaml += 1 }
            let expected = try JSONValue.parseAll(jsonText)
            do {
                let documents = try YAMLReader.documents(bytes)
                let actual = documents.map(Self.json)
                if actual == expected {
                    validOurs += 1
                } else if libyamlHandles && Self.deliberate[id] == nil {
                    failures.append("\(id): loads to \(actual), expected \(expected)")
                }
            } catch {
                if libyamlHandles && Self.deliberate[id] == nil {
                    failures.append("\(id): refused (\(error)) though libyaml parses it")
                }
            }
        }
        print("yaml-test-suite: valid cases: \(eventTotal); libyaml's events match test.event in \(eventLibyaml)")
        print("yaml-test-suite: valid cases with in.json: \(validTotal); libyaml handles \(validLibyaml); "
              + "loaded to the expected data here: \(validOurs)")
        print("yaml-test-suite: error cases: \(errorTotal); libyaml refuses \(errorLibyaml); refused here: \(errorOurs)")
        for (id, reason) in Self.deliberate.sorted(by: { $0.key < $1.key }) { print("deliberate difference \(id): \(reason)") }
        XCTAssertEqual(failures, [], failures.joined(separator: "\n"))
    }

    static func json(_ node: Node) -> JSONValue {
        switch node.content {
        case .scalar(let s):
            switch s.kind {
            case .null: return .null
            case .bool: return .bool(s.bool!)
            case .int, .float: return .number(s.double!)
            case .string: return .string(s.text)
            }
        case .sequence(let items):
            return .array(items.map(json))
        case .mapping(let pairs):
            var object: [String: JSONValue] = [:]
            for pair in pairs {
                let key: String
                switch json(pair.key) {
                case .string(let s): key = s
                case .null: key = ""
                default: key = pair.key.scalar?.text ?? "\(json(pair.key))"
                }
                object[key] = json(pair.value)
            }
            return .object(object)
        }
    }
}

extension YAMLTestSuiteTests {
    /// Every syntax error libyaml gives on the suite's error cases is one the message catalogue words by its own code,
    /// not the `yaml.syntax` fallback that quotes libyaml's English.
    func testEveryRefusalOfTheSuiteHasACode() throws {
        let folder = Self.suiteFolder
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw XCTSkip("../shared/yaml-test-suite is absent: not checked on this machine")
        }
        var uncoded: Set<String> = []
        var refusals = 0
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where url.lastPathComponent == "in.yaml" {
            let bytes = Array(try Data(contentsOf: url))
            do { _ = try YAMLReader.documents(bytes) } catch {
                refusals += 1
                if error.code == YAMLError.unknownCode { uncoded.insert(error.message) }
                // A context libyaml names is kept: its pair with the problem is in the table.
                if error.reason == .syntax, error.contextMark != nil, !error.code.hasPrefix("yaml.context") { uncoded.insert(error.message) }
            }
        }
        XCTAssertGreaterThan(refusals, 50)
        XCTAssertEqual(uncoded.sorted(), [])
    }
}
