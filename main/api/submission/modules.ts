import type { ModuleExport, PackageTable, Register } from '../../export/types';
import { partyExport } from '../party/export';
import { volunteerExport } from '../volunteer/export';

/**
 * The modules that take part in exports and submissions, in the order their sheets appear. A module joins
 * by adding its declaration here (docs/export.md); the engine needs nothing else.
 */
export const exportModules: readonly ModuleExport[] = [partyExport, volunteerExport];

export const packageTables: ReadonlyMap<string, PackageTable> = new Map(
  exportModules.flatMap((m) => m.tables.map((t) => [t.name, t] as const)),
);

export const registersByKey: ReadonlyMap<string, { module: ModuleExport; register: Register }> = new Map(
  exportModules.flatMap((module) => module.registers.map((register) => [register.key, { module, register }] as const)),
);

export const moduleByName = (name: string): ModuleExport | undefined => exportModules.find((m) => m.module === name);
