import type { ModuleExport, SummaryPart } from '../../../export/types';
import { complianceAt, onRegisterAt, statusAt, within } from './as-of';
import { OrgIndex } from './org-index';
import { meetingsTable, membersTable } from './tables';

const FIGURES = [
  { key: 'branches', label: '党支部数', kind: 'int' },
  { key: 'members', label: '在册党员', kind: 'int' },
  { key: 'full', label: '正式党员', kind: 'int' },
  { key: 'probationary', label: '预备党员', kind: 'int' },
  { key: 'community', label: '社区党员', kind: 'int' },
  { key: 'in_service', label: '在职党员', kind: 'int' },
  { key: 'migrant', label: '流动党员', kind: 'int' },
  { key: 'joined', label: '本月新入党', kind: 'int' },
  { key: 'transferredIn', label: '本月转入', kind: 'int' },
  { key: 'transferredOut', label: '本月转出', kind: 'int' },
  { key: 'meetings', label: '本月会议', kind: 'int' },
  { key: 'compliant', label: '落实支部数', kind: 'int' },
  { key: 'complianceRate', label: '支部落实率', kind: 'percent', ratio: ['compliant', 'branches'] },
] as const satisfies ModuleExport['summary']['figures'];

type Key = Exclude<(typeof FIGURES)[number]['key'], 'complianceRate'>;

/**
 * The party's key figures per community for the month: members on the register at its end by status and
 * category, who joined, came and left in it, meetings held, and how many branches are up to date with
 * organisational life this quarter (支部落实率 = branches with nothing missing / branches).
 */
export const partySummary: ModuleExport['summary'] = {
  figures: FIGURES,
  compute(data, p) {
    const orgs = OrgIndex.of(data);
    const parts = new Map<string, Record<Key, number>>();
    const part = (community: string) => {
      let v = parts.get(community);
      if (!v) {
        v = { branches: 0, members: 0, full: 0, probationary: 0, community: 0, in_service: 0, migrant: 0, joined: 0, transferredIn: 0, transferredOut: 0, meetings: 0, compliant: 0 };
        parts.set(community, v);
      }
      return v;
    };
    // Every community of the tree appears, even one with nothing to count yet.
    for (const o of orgs.byId.values()) if (o.level === 'community_committee') part(orgs.communityOf(o.id));

    for (const m of data.rows(membersTable)) {
      const v = part(orgs.communityOf(m.orgId));
      if (onRegisterAt(m, p.to)) {
        v.members++;
        v[statusAt(m, p.to)]++;
        v[m.category]++;
      }
      if (within(m.joinedOn, p)) v.joined++;
      if (within(m.transferredInOn, p)) v.transferredIn++;
      if (m.lifecycle === 'transferred_out' && within(m.leftOn, p)) v.transferredOut++;
    }
    const meetings = [...data.rows(meetingsTable)];
    for (const m of meetings) if (within(m.heldOn, p)) part(orgs.communityOf(m.orgId)).meetings++;
    for (const row of complianceAt(orgs, meetings, p).rows) {
      const v = part(row.parentName ?? '');
      v.branches++;
      if (row.missing === 0) v.compliant++;
    }
    return [...parts].map(([community, values]): SummaryPart => ({ community, values }));
  },
};
