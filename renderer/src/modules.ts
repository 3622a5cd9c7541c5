import type { UiModule } from './app/module';
import { elevatorUi } from './elevator/module';
import { requestsUi } from './requests/module';
import { importUi } from './import/module';
import { fundUi } from './fund/module';
import { partyUi } from './party/module';
import { propertyUi } from './property/module';
import { submissionUi } from './submission/module';
import { systemUi } from './system/module';
import { volunteerUi } from './volunteer/module';

/**
 * The modules of the window, one line each (docs/architecture.md, "A module's shape"): the shell takes their
 * routes, navigation (in this order, after 首页), home-page sections and search targets from here, and imports
 * no module otherwise; the window's API type is their contracts merged (api/contract.ts). 设置 comes last.
 */
export const uiModules = [partyUi, volunteerUi, propertyUi, requestsUi, elevatorUi, fundUi, importUi, submissionUi, systemUi] as const satisfies readonly UiModule[];
