import { Select, Text } from '@mantine/core';
import { useState } from 'react';
import { mayDo } from '../../../main/api/common/roles';
import { auditModules, type AuditModule } from '../../../main/api/system/labels';
import { useApiQuery, useRole } from '../api/queries';
import { setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { FilterDate } from '../components/FilterDate';
import { FilterSearch } from '../components/FilterSearch';
import { fmtTimestamp } from '../components/format';
import { ListPage } from '../components/ListPage';
import { VirtualTable } from '../components/VirtualTable';
import { zh } from '../i18n/zh-CN';
import { AuditDrawer } from './audit/AuditDrawer';
import { actionLabel, auditSummary, entityLabel, moduleLabel, type AuditRow } from './audit/auditText';

const a = zh.audit;
const moduleOptions = Object.entries(auditModules).map(([value, m]) => ({ value, label: m.label }));
const actionOptions = Object.entries(a.actions).map(([value, label]) => ({ value, label }));

/**
 * 操作记录: every change, export, reveal and sign-in, newest first, filtered by account, action, module, days and
 * free text (a name, a place, a record id: any value the entry logged) in SQL and read a page at a time by keyset
 * (`beforeSeq`); the filters live in the address. For 审核人 and 管理员.
 */
export function AuditPage() {
  const role = useRole();
  if (!role) return null;
  if (!mayDo(role, 'review')) {
    return <ListPage title={a.title}><EmptyState title={a.restricted} hint={a.restrictedHint} /></ListPage>;
  }
  return <AuditLog />;
}

function AuditLog() {
  const route = useRoute();
  const p = route.params;
  const set = (changes: Record<string, string | null>) => setParams(route, changes);
  const [count, setCount] = useState<number | null>(null);
  const [open, setOpen] = useState<AuditRow | null>(null);
  const operators = useApiQuery('system.listAuditOperators', {});
  const module = p.get('module');
  const input = {
    text: p.get('q'),
    operator: p.get('operator'),
    action: p.get('action'),
    module: module && module in auditModules ? (module as AuditModule) : null,
    from: p.get('from'),
    to: p.get('to'),
  };
  const filtered = Object.values(input).some(Boolean);
  const date = (key: 'from' | 'to', label: string) => <FilterDate label={label} value={p.get(key)} onChange={(v) => set({ [key]: v })} />;

  return (
    <ListPage
      title={a.title}
      count={count === null ? null : zh.common.total(count)}
      actions={<Text size="xs" c="dimmed" maw={520}>{a.intro}</Text>}
      filters={
        <>
          <FilterSearch label={a.search} value={p.get('q') ?? ''} onChange={(v) => set({ q: v })} w={210} />
          <Select aria-label={a.operator} placeholder={a.operator} data={operators.data ?? []} value={input.operator}
            onChange={(v) => set({ operator: v })} searchable clearable w={150} />
          <Select aria-label={a.action} placeholder={a.action} data={actionOptions} value={input.action}
            onChange={(v) => set({ action: v })} searchable clearable w={170} />
          <Select aria-label={a.module} placeholder={a.module} data={moduleOptions} value={input.module}
            onChange={(v) => set({ module: v })} clearable w={150} />
          {date('from', a.from)}
          {date('to', a.to)}
        </>
      }
    >
      <VirtualTable
        channel="system.listAudit"
        input={input}
        after={(last: AuditRow) => ({ beforeSeq: last.seq })}
        rowKey={(r: AuditRow) => r.id}
        onTotal={setCount}
        onRowClick={setOpen}
        empty={filtered ? <EmptyState title={a.noMatch} hint={a.noMatchHint} /> : <EmptyState title={a.empty} />}
        columns={[
          { key: 'at', title: a.at, width: 150, render: (r: AuditRow) => fmtTimestamp(r.at) },
          { key: 'operator', title: a.operator, width: 110, render: (r: AuditRow) => r.operator },
          { key: 'action', title: a.action, width: 130, render: (r: AuditRow) => actionLabel(r.action) },
          { key: 'entity', title: a.entity, width: 190, render: (r: AuditRow) => [moduleLabel(r.entity), entityLabel(r.entity)].filter(Boolean).join(' · ') },
          { key: 'summary', title: a.summary, render: (r: AuditRow) => auditSummary(r) },
        ]}
      />
      {open && <AuditDrawer row={open} onClose={() => setOpen(null)} />}
    </ListPage>
  );
}
