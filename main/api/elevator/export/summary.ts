import type { ModuleExport, SummaryPart } from '../../../export/types';
import { asOfDay } from '../../property/export/summary';
import { elevatorsTable, faultsTable, maintenanceTable } from './tables';

const FIGURES = [
  { key: 'elevators', label: '在用电梯', kind: 'int' },
  { key: 'maintained', label: '本月维保（已签字）', kind: 'int', width: 9 },
  { key: 'maintenanceOverdue', label: '维保逾期电梯', kind: 'int' },
  { key: 'inspectionOverdue', label: '定期检验过期', kind: 'int' },
  { key: 'entrapments', label: '本年困人次数', kind: 'int' },
] as const satisfies ModuleExport['summary']['figures'];

type Key = (typeof FIGURES)[number]['key'];

/**
 * The elevators' key figures per community: elevators in service; the month's maintenance records signed off by
 * the estate's safety manager (unsigned ones do not count: the seeds' 假维保); elevators in service whose next
 * routine record is overdue, or whose certificate's inspection date has passed, as at the period's end (or
 * today); entrapments since 1 January.
 */
export const elevatorSummary: ModuleExport['summary'] = {
  figures: FIGURES,
  compute(data, p) {
    const parts = new Map<string, Record<Key, number>>();
    const part = (community: string) => {
      let v = parts.get(community);
      if (!v) parts.set(community, (v = { elevators: 0, maintained: 0, maintenanceOverdue: 0, inspectionOverdue: 0, entrapments: 0 }));
      return v;
    };
    const asOf = asOfDay(p);
    for (const e of data.rows(elevatorsTable)) {
      if (e.status !== 'in_service') continue;
      const v = part(e.community);
      v.elevators++;
      if (e.routineDueOn === null || e.routineDueOn < asOf) v.maintenanceOverdue++;
      if (e.nextInspectionOn !== null && e.nextInspectionOn < asOf) v.inspectionOverdue++;
    }
    for (const m of data.rows(maintenanceTable)) {
      if (m.signedOn !== null && m.doneOn >= p.from && m.doneOn <= p.to) part(m.community).maintained++;
    }
    for (const f of data.rows(faultsTable)) {
      if (f.peopleTrapped > 0 && f.onDate >= `${p.year}-01-01` && f.onDate <= p.to) part(f.community).entrapments++;
    }
    return [...parts].map(([community, values]): SummaryPart => ({ community, values }));
  },
};
