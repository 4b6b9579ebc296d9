import Foundation
import GRDB
import Hummingbird
import ParkScore
import ParkScoreDossier
import ParkScoreIO

/// The review desk's routes (to be built).
struct ReviewRoutes {
    let workbench: Workbench

    func register(on router: Router<WorkbenchContext>) {
    }
}

/// The review part's migrations, after the first one, in order.
func registerReviewMigrations(_ migrator: inout DatabaseMigrator) {
}
