import { Card, Stack, Title } from '@mantine/core';
import type { ApiOutput } from '../../api/types';
import { fmtTimestamp } from '../../components/format';
import { VirtualTable } from '../../components/VirtualTable';
import { EmptyState } from '../../components/EmptyState';
import { zh } from '../../i18n/zh-CN';

const a = zh.audit;

type AuditRow = ApiOutput<'system.listAudit'>['rows'][number];

/** What changed, when and by whom; personal values are never in it (masked before they are logged). */
export function AuditCard() {
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={5}>{zh.settings.audit}</Title>
        <VirtualTable
          channel="system.listAudit"
          input={{}}
          height={320}
          rowKey={(r: AuditRow) => r.id}
          empty={<EmptyState title={a.empty} />}
          columns={[
            { key: 'at', title: a.at, width: 150, render: (r: AuditRow) => fmtTimestamp(r.at) },
            { key: 'operator', title: a.operator, width: 100, render: (r: AuditRow) => r.operator },
            { key: 'action', title: a.action, width: 110, render: (r: AuditRow) => a.actions[r.action as keyof typeof a.actions] ?? r.action },
            { key: 'entity', title: a.entity, width: 120, render: (r: AuditRow) => a.entities[r.entity as keyof typeof a.entities] ?? r.entity },
            { key: 'summary', title: a.summary, render: (r: AuditRow) => summary(r) },
          ]}
        />
      </Stack>
    </Card>
  );
}

/** The record's name as it was after (or before, for a deletion) the change. */
function summary(r: AuditRow): string {
  const pick = (json: string | null) => {
    if (!json) return '';
    const v = JSON.parse(json) as Record<string, unknown>;
    if (r.entity === 'installation') return `${v.unitName}，${zh.header.operator}：${v.operator}`;
    if (v.field) return a.revealed(String(v.field));
    return String(v.name ?? v.topic ?? v.orgName ?? '');
  };
  return pick(r.after) || pick(r.before);
}
