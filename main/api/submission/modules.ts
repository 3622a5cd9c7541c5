import type { ModuleExport, PackageTable, Register } from '../../export/types';
import { modules } from '../modules';
import { answerTables } from '../requests/escalation/answers-table';

/**
 * The modules' parts in exports and submissions (their `export`), in the order their sheets appear
 * (docs/export.md); the engine needs nothing else.
 */
export const exportModules: readonly ModuleExport[] = modules.flatMap((m) => (m.export ? [m.export] : []));

export const packageTables: ReadonlyMap<string, PackageTable> = new Map(
  exportModules.flatMap((m) => m.tables.map((t) => [t.name, t] as const)),
);

/** Every table a package of any kind may carry, as the JSON Schema publishes them: the monthly ones and the street's answers. */
export const publishedTables: readonly PackageTable[] = [...packageTables.values(), ...answerTables.values()];

export const registersByKey: ReadonlyMap<string, { module: ModuleExport; register: Register }> = new Map(
  exportModules.flatMap((module) => module.registers.map((register) => [register.key, { module, register }] as const)),
);

export const moduleByName = (name: string): ModuleExport | undefined => exportModules.find((m) => m.module === name);
