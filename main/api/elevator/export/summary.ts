import type { ModuleExport } from '../../../export/types';

export const elevatorSummary: ModuleExport['summary'] = { figures: [], compute: () => [] };
