import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import ParkScore
import ParkScoreIO
@testable import ParkScoreWeb
import XCTest

/// The park desk's test steps: a draft made as a park makes one, and the pieces of a page the tests look at.
extension Visitor {
    /// Creates a draft under `scorecard` through the new-application form; returns its id.
    mutating func createApplication(scorecard: String = "beijing-digital-advertising-park", parkName: String = "星河数字广告产业园（虚构）")
        async throws -> Int64 {
        try await get("/park/applications/new")
        let page = try await post("/park/applications", [("scorecard", scorecard), ("parkName", parkName)])
        guard page.status == .seeOther, let location = page.location,
              let id = location.split(separator: "/").last?.split(separator: "?").first.flatMap({ Int64($0) }) else {
            throw XCTSkip("creating an application failed: \(page.status)")
        }
        try await get(location)
        return id
    }
}

enum ParkHTML {
    /// The form field block (`<div class="field…">…`) holding the input named `name`; "" when there is none.
    static func field(_ body: String, named name: String) -> String {
        let blocks = body.components(separatedBy: "<div class=\"field")
        return blocks.first { $0.contains("name=\"\(name)\"") } ?? ""
    }

    /// The `version` hidden field's value of the form page.
    static func version(_ body: String) -> String? {
        guard let range = body.range(of: #"name="version" value="([0-9]+)""#, options: .regularExpression) else { return nil }
        return String(body[range].dropFirst(#"name="version" value=""#.count).dropLast())
    }
}

extension WebTestCase {
    func application(_ id: Int64) throws -> ApplicationRecord? {
        try workbench.store.database.read { db in try ApplicationRecord.fetchOne(db, key: id) }
    }
}
