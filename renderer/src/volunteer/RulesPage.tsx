import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAdjustments } from '@tabler/icons-react';
import { useState } from 'react';
import { todayIso } from '../../../main/api/common/calendar';
import { expiryRules } from '../../../main/api/volunteer/labels';
import { RuleInput } from '../../../main/api/volunteer/schemas';
import { tenthsText } from '../../../main/api/volunteer/tenths';
import { useApiMutation, useApiQuery } from '../api/queries';
import { DateField, options, SelectField, TextField } from '../components/fields';
import { vp } from '../i18n/volunteer-points';
import { StatCard } from '../components/DashboardCards';
import { ActionModal } from '../components/ActionModal';
import { ruleFor } from './common/ruleFor';
import { TenthsField } from '../components/TenthsField';
import type { RuleRow } from './types';

const r = vp.rules;
const c = r.columns;
const cap = (v: number | null) => (v === null ? r.noCap : r.hours(tenthsText(v)));

/** 积分规则: the rule in force and its history; a change is a new version from a date, never an edit. */
export function RulesPage() {
  const rules = useApiQuery('volunteer.listRules', {});
  const add = useApiMutation('volunteer.addRule', { quiet: true });
  const [changing, setChanging] = useState(false);
  const current: RuleRow | undefined = rules.data && ruleFor(rules.data, todayIso());
  if (!current) return null;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{r.title}</Title>
        <Button leftSection={<IconAdjustments size={16} />} onClick={() => setChanging(true)}>{r.change}</Button>
      </Group>
      <Text size="sm" c="dimmed" maw={900}>{r.intro}</Text>
      <Text fw={600}>{r.current(current.version, current.effectiveFrom)}</Text>
      <SimpleGrid cols={4} spacing="sm">
        <StatCard label={r.pointsPerHour} value={r.points(tenthsText(current.pointsPerHour))} />
        <StatCard label={r.cap} value={cap(current.maxHoursPerActivity)} />
        <StatCard label={r.meeting} value={r.points(tenthsText(current.meetingBasePoints))} />
        <StatCard label={r.expiry} value={<Text fz={20} fw={700}>{expiryRules[current.expiry]}</Text>} />
      </SimpleGrid>
      <Paper withBorder p="sm" component="section" aria-label={r.history}>
        <Title order={5} mb="xs">{r.history}</Title>
        <Table striped fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>{Object.values(c).map((h) => <Table.Th key={h}>{h}</Table.Th>)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.data!.map((x) => (
              <Table.Tr key={x.id} fw={x.id === current.id ? 600 : undefined}>
                <Table.Td>{`第 ${x.version} 版`}</Table.Td>
                <Table.Td>{x.effectiveFrom}</Table.Td>
                <Table.Td>{r.points(tenthsText(x.pointsPerHour))}</Table.Td>
                <Table.Td>{cap(x.maxHoursPerActivity)}</Table.Td>
                <Table.Td>{r.points(tenthsText(x.meetingBasePoints))}</Table.Td>
                <Table.Td>{expiryRules[x.expiry]}</Table.Td>
                <Table.Td>{x.note}</Table.Td>
                <Table.Td>{x.operator}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {changing && (
        <ActionModal
          title={r.formTitle}
          intro={r.intro}
          schema={RuleInput}
          initial={{
            effectiveFrom: todayIso(), pointsPerHour: current.pointsPerHour, maxHoursPerActivity: current.maxHoursPerActivity,
            meetingBasePoints: current.meetingBasePoints, expiry: current.expiry, note: '',
          }}
          confirmLabel={r.save}
          fields={(form) => (
            <>
              <DateField form={form} name="effectiveFrom" label={r.effectiveFrom} required />
              <Group grow>
                <TenthsField form={form} name="pointsPerHour" label={r.pointsPerHour} required />
                <TenthsField form={form} name="maxHoursPerActivity" label={r.cap} description={r.capHint} />
              </Group>
              <TenthsField form={form} name="meetingBasePoints" label={r.meeting} required />
              <SelectField form={form} name="expiry" label={r.expiry} data={options(expiryRules)} required />
              <TextField form={form} name="note" label={r.note} />
            </>
          )}
          onSubmit={(parsed) => add.mutateAsync(parsed)}
          onClose={() => setChanging(false)}
        />
      )}
    </Stack>
  );
}
