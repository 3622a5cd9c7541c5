import { defineModule } from '../module';
import { systemContract } from './contract';
import { systemHandlers } from './handlers';

/** The installation: setup, operator, time zone, backups, the audit log, the global search. */
export const systemModule = defineModule({ name: 'system', contract: systemContract, handlers: systemHandlers });
