import { defineModule } from '../module';
import { importContract } from './contract';
import { importHandlers } from './handlers';

/** 导入台账: the engine that imports every module's registers from Excel/CSV (docs/import.md). */
export const importModule = defineModule({ name: 'import', contract: importContract, handlers: importHandlers });
