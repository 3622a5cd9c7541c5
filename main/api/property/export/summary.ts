import type { ModuleExport } from '../../../export/types';

export const propertySummary: ModuleExport['summary'] = { figures: [], compute: () => [] };
