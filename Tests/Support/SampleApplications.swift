import Foundation
import ParkScoreIO

/// The sample parks as the pipeline takes them: each one as its self-report alone and, when it has a reviews/ folder,
/// again with its reviews.
public enum SampleApplications {
    public struct Sample {
        public let name: String
        public let withReviews: Bool
        public let input: ApplicationInput
    }

    /// Every sample under `samples` (a folder holding a self-report.yaml), by name.
    public static func all(in samples: String) throws -> [Sample] {
        let names = try FileManager.default.contentsOfDirectory(atPath: samples)
            .filter { FileManager.default.fileExists(atPath: "\(samples)/\($0)/self-report.yaml") }.sorted()
        var all: [Sample] = []
        for name in names {
            let folder = "\(samples)/\(name)"
            let reviewNames = ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/reviews")) ?? []).sorted()
            let reviews = try reviewNames.map { file in
                SourceFile(path: "reviews/\(file)", bytes: Array(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/reviews/\(file)"))))
            }
            let selfReport = SourceFile(path: "self-report.yaml", bytes: Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/self-report.yaml"))))
            for withReviews in reviews.isEmpty ? [false] : [false, true] {
                all.append(Sample(name: name, withReviews: withReviews,
                                  input: ApplicationInput(selfReport: selfReport, reviews: withReviews ? reviews : [], evidence: EvidenceFolder(folder))))
            }
        }
        return all
    }
}
