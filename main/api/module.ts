import type { Db } from '../../db/open';
import type { ModuleExport } from '../export/types';
import type { ChannelMap } from './common/channel';
import type { ImportRegister } from './import/register';
import type { Handlers } from './router';
import type { SearchHit } from './system/contract';

/**
 * A module as the core sees it (docs/architecture.md, "A module's shape"): its channels and their handlers,
 * and what it lends the engines — registers to import, tables and registers to export, hits for the global
 * search. `main/api/modules.ts` lists the modules; the engines (system, import, submission) read that list.
 */
export interface CoreModule<C extends ChannelMap = ChannelMap> {
  /** The channels' prefix: `party` for `party.listMembers`. */
  name: string;
  contract: C;
  handlers: Handlers<C>;
  /** Importable registers, in the order a new installation fills them (docs/import.md). */
  imports?: readonly ImportRegister[];
  /** Its part of register exports, the monthly submission and the data package (docs/export.md). */
  export?: ModuleExport;
  /** Global search (Ctrl+K): at most `limit` hits for a non-empty query, best first. */
  search?: (db: Db, q: string, limit: number) => SearchHit[];
}

/**
 * Checks the handlers against the module's own contract. The result is a module of any contract (so one list holds
 * them all) that still names its own: main/api/contract.ts merges the listed modules' contracts into the API's type.
 */
export const defineModule = <C extends ChannelMap>(module: CoreModule<C>): Omit<CoreModule, 'contract'> & { readonly contract: C } =>
  module as unknown as CoreModule & { readonly contract: C };
