import Foundation
import GRDB
import Hummingbird
import ParkScore
import ParkScoreDossier
import ParkScoreIO

/// The admin desk's routes (to be built).
struct AdminRoutes {
    let workbench: Workbench

    func register(on router: Router<WorkbenchContext>) {
    }
}

/// The admin part's migrations, after the first one, in order.
func registerAdminMigrations(_ migrator: inout DatabaseMigrator) {
}
