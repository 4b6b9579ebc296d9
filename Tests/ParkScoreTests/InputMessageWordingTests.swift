import ParkScore
import ParkScoreTestSupport
import XCTest
@testable import ParkScoreIO

/// Reading a self-report, worded by the catalogue: Chinese as an evaluation office writes it, English as before.
final class InputMessageWordingTests: XCTestCase {
    func testAnInvalidIntegerWithItsHint() {
        let m = Message(DiagnosticCode.invalidInteger, ["tenants.leading_firms", "20家"],
                        parts: [Message("input.written.text", "20家"), Message("input.hint.integer")])
        XCTAssertEqual(TestCatalogue.zh.message(m), "「tenants.leading_firms」须为整数，填写的是文字「20家」（可写作：20、１２、1,250,000）")
        XCTAssertEqual(TestCatalogue.en.message(m), "'tenants.leading_firms' must be a whole number, not text '20家' (accepted: 20, １２, 1,250,000)")
    }

    func testAnInvalidEnumListsTheAllowedValues() {
        let choices = DocumentDecoder.listing([Message("input.list.labelled", "big_data", "大数据"), Message("input.list.quoted", "ai")])
        let m = Message(DiagnosticCode.invalidEnum, ["industry", "bigdata", "big_data, ai"],
                        parts: [Message("input.written.text", "bigdata"), Message("input.hint.did-you-mean", "big_data"), choices])
        XCTAssertEqual(TestCatalogue.zh.message(m), "「industry」须为以下之一：「big_data」（大数据）、「ai」，填写的是文字「bigdata」（是否应为「big_data」？）")
        XCTAssertEqual(TestCatalogue.en.message(m), "'industry' must be one of 'big_data' (大数据), 'ai', not text 'bigdata' (did you mean 'big_data'?)")
    }

    func testAnUnknownFactWithItsDidYouMean() {
        let typo = Message(DiagnosticCode.unknownFactTypo, "tenants.totl", "tenants.total")
        XCTAssertEqual(TestCatalogue.zh.message(typo), "未知事实「tenants.totl」：是否应为「tenants.total」？（拼写有误的键不会被读取，「tenants.total」将按未填报处理）")
        let unknown = Message(DiagnosticCode.unknownFact, ["tenantz"], parts: [DocumentDecoder.didYouMean("tenantz", in: ["tenants"])])
        XCTAssertEqual(TestCatalogue.zh.message(unknown), "未知事实「tenantz」（是否应为「tenants」？）")
        XCTAssertEqual(TestCatalogue.en.message(unknown), "unknown fact 'tenantz' (did you mean 'tenants'?)")
    }

    func testAHashMismatchAndAFillLine() {
        let recorded = String(repeating: "a", count: 64), actual = String(repeating: "b", count: 64)
        let mismatch = Message(DiagnosticCode.sha256Mismatch, "licence.pdf", recorded, actual, String(recorded.prefix(12)), String(actual.prefix(12)))
        XCTAssertEqual(TestCatalogue.zh.message(mismatch), "证明材料文件「licence.pdf」与记录的 sha256 不符：记录为 aaaaaaaaaaaa…，文件实为 bbbbbbbbbbbb…")
        XCTAssertEqual(TestCatalogue.en.message(mismatch), "evidence file 'licence.pdf' does not match its sha256: recorded aaaaaaaaaaaa…, file has bbbbbbbbbbbb…")
        let filled = Message(DiagnosticCode.sha256Filled, "licence", actual, "licence.pdf")
        XCTAssertEqual(TestCatalogue.zh.message(filled), "licence：已写入 sha256（licence.pdf：\(actual)）")
        XCTAssertEqual(TestCatalogue.en.message(filled), "licence: sha256 written in (licence.pdf: \(actual))")
        let refused = Message(DiagnosticCode.sha256NotFilled, ["licence"], parts: [Message("evidence.file.missing", "licence.pdf")])
        XCTAssertEqual(TestCatalogue.zh.message(refused), "证明材料「licence」的 sha256 未写入：证明材料文件「licence.pdf」不存在")
    }
}
