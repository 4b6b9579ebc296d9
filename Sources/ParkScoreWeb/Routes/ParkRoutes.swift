import Foundation
import GRDB
import Hummingbird
import ParkScore
import ParkScoreDossier
import ParkScoreIO

/// The park desk's routes (to be built).
struct ParkRoutes {
    let workbench: Workbench

    func register(on router: Router<WorkbenchContext>) {
    }
}

/// The park part's migrations, after the first one, in order.
func registerParkMigrations(_ migrator: inout DatabaseMigrator) {
}
