import type { Contract } from './contract';
import { importModule } from './import/module';
import type { CoreModule } from './module';
import { modules } from './modules';
import type { Handlers } from './router';
import { submissionModule } from './submission/module';
import { systemModule } from './system/module';

/** Every module of the core: the engines, then the modules they serve. */
export const coreModules = [systemModule, importModule, submissionModule, ...modules] as const satisfies readonly CoreModule[];

/**
 * Every channel's handler. Each module's handlers are checked against its own contract (defineModule);
 * tests/unit/modules.test.ts checks that together they are exactly the contract's channels.
 */
export const handlers = Object.assign({}, ...coreModules.map((m) => m.handlers)) as Handlers<Contract>;
