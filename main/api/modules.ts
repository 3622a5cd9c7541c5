import { elevatorModule } from './elevator/module';
import { fundModule } from './fund/module';
import type { CoreModule } from './module';
import { partyModule } from './party/module';
import { propertyModule } from './property/module';
import { requestsModule } from './requests/module';
import { volunteerModule } from './volunteer/module';

/**
 * The modules, one line each (docs/architecture.md, "A module's shape"). Their contracts make the API
 * (main/api/contract.ts), their handlers join the router, and the engines serve what they declare: import registers
 * (main/api/import/registry.ts), exports and submissions (main/api/submission/modules.ts), the global search
 * (system.search). The order is the order of the import list, the workbook's sheets and the search's hits.
 *
 * The engines themselves (system, import, submission) are not listed here: they read this list, so listing them
 * would make a cycle. main/api/handlers.ts puts them in front.
 */
export const modules = [partyModule, volunteerModule, propertyModule, fundModule, elevatorModule, requestsModule] as const satisfies readonly CoreModule[];
