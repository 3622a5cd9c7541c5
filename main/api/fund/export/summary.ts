import type { ModuleExport } from '../../../export/types';

export const fundSummary: ModuleExport['summary'] = { figures: [], compute: () => [] };
