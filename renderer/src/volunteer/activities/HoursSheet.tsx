import { Alert, Button, Checkbox, Group, Modal, NumberInput, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState, type KeyboardEvent } from 'react';
import { RecordHours } from '../../../../main/api/volunteer/schemas';
import { tenthsText, typedTenths } from '../../../../main/api/volunteer/tenths';
import { ApiError } from '../../api/client';
import { useApiMutation } from '../../api/queries';
import { va } from '../../i18n/volunteer-activities';
import { zh } from '../../i18n/zh-CN';
import { UnitSelect } from '../../components/UnitSelect';
import { PersonPicker, personKey, personRef } from '../common/PersonPicker';
import type { ActivityDetail, PersonHit } from '../types';

const h = va.hours;

interface Row {
  key: string;
  ref: { volunteerId?: string; memberId?: string };
  name: string;
  orgName: string;
  present: boolean;
  hours: string;
  note: string;
  walkIn: boolean;
}

/** The activity's length from its times, to the half hour: what most people served. */
function duration(a: ActivityDetail): string {
  if (!a.startTime || !a.endTime) return '';
  const min = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const hours = Math.round(((min(a.endTime) - min(a.startTime)) / 60) * 2) / 2;
  return hours > 0 ? String(hours) : '';
}

const fromParticipants = (a: ActivityDetail, fallback: string): Row[] =>
  a.participants.map((p) => ({
    key: `v:${p.volunteerId}`, ref: { volunteerId: p.volunteerId }, name: p.name, orgName: p.orgName,
    present: p.attendance !== 'absent', hours: p.hours ? tenthsText(p.hours) : fallback, note: p.note ?? '', walkIn: p.walkIn,
  }));

/**
 * The batch screen for a volunteer event: everyone signed up, one line each, typed with the keyboard alone —
 * Enter moves to the next person's hours, Space toggles 到场, a walk-in is found by name and added at the end.
 */
export function HoursSheet({ activity, onClose }: { activity: ActivityDetail; onClose: () => void }) {
  const [fallback, setFallback] = useState(duration(activity));
  const [rows, setRows] = useState<Row[]>(() => fromParticipants(activity, duration(activity)));
  const [recorder, setRecorder] = useState<string | null>(activity.recorderOrgId ?? activity.organiserOrgId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const record = useApiMutation('volunteer.recordHours', { quiet: true });

  const change = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const focusRow = (i: number) => requestAnimationFrame(() => inputs.current[i]?.select());
  const onHoursKey = (i: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    const to = (e.key === 'Enter' && !e.ctrlKey) || e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? i - 1 : null;
    if (to === null) return;
    e.preventDefault();
    focusRow(to);
  };
  const addWalkIn = (hit: PersonHit | null) => {
    if (!hit) return;
    const key = personKey(hit);
    const at = rows.findIndex((r) => r.key === key || (hit.volunteerId && r.ref.volunteerId === hit.volunteerId));
    if (at >= 0) return focusRow(at);
    setRows((rs) => [...rs, { key, ref: personRef(hit), name: hit.name, orgName: hit.orgName, present: true, hours: fallback, note: '', walkIn: true }]);
    focusRow(rows.length);
  };

  const input = {
    activityId: activity.id,
    recorderOrgId: recorder ?? '',
    // Hours typed with one decimal at most, sent as tenths; more decimals fail the schema's integer check.
    rows: rows.map((r) => ({ person: r.ref, attendance: r.present ? 'present' : 'absent', hours: r.present ? typedTenths(Number(r.hours || 0)) : 0, note: r.note })),
  };
  const presentRows = rows.filter((r) => r.present);
  const total = presentRows.reduce((s, r) => s + Math.round(Number(r.hours || 0) * 10), 0);

  const save = async () => {
    setRefusal(null);
    const parsed = RecordHours.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])));
      return;
    }
    setErrors({});
    try {
      await record.mutateAsync(input as never);
      notifications.show({ color: 'green', message: h.saved });
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.body.fields?.length) setErrors(Object.fromEntries(err.body.fields.map((f) => [f.path, f.message])));
      else setRefusal((err as Error).message);
    }
  };

  return (
    <Modal opened onClose={onClose} size={920} title={<Text fw={600}>{h.title(activity.title)}</Text>} closeButtonProps={{ 'aria-label': zh.common.close }}>
      <Stack
        gap="sm"
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
          e.preventDefault();
          void save();
        }}
      >
        <Group align="flex-end" gap="sm">
          <UnitSelect label={h.recorder} value={recorder} onChange={setRecorder} levels={['street_committee', 'community_committee', 'branch', 'group']} w={280} error={errors.recorderOrgId} />
          <NumberInput label={h.defaultHours} value={fallback} onChange={(v) => setFallback(String(v))} min={0} max={24} step={0.5} decimalScale={1} w={130} />
          <Button variant="default" onClick={() => setRows((rs) => rs.map((r) => (r.present ? { ...r, hours: fallback } : r)))}>{h.applyDefault}</Button>
          <Button variant="subtle" onClick={() => setRows((rs) => rs.map((r) => ({ ...r, present: true })))}>{h.allPresent}</Button>
        </Group>
        <Text size="xs" c="dimmed">{h.hint}</Text>
        {rows.length === 0 && <Text size="sm" c="dimmed">{h.empty}</Text>}
        <ScrollArea.Autosize mah={380}>
          <Table fz="sm" verticalSpacing={2} withTableBorder striped stickyHeader>
            <Table.Thead>
              <Table.Tr>{Object.values(h.columns).map((t) => <Table.Th key={t}>{t}</Table.Th>)}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={r.key} data-testid={`hours-row-${r.name}`}>
                  <Table.Td w={48} className="num">{i + 1}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td c="dimmed">{r.orgName}</Table.Td>
                  <Table.Td w={60}><Checkbox aria-label={`${r.name} ${h.columns.present}`} checked={r.present} onChange={(e) => change(i, { present: e.currentTarget.checked })} /></Table.Td>
                  <Table.Td w={120}>
                    <TextInput
                      ref={(el) => { inputs.current[i] = el; }}
                      aria-label={`${r.name} ${h.columns.hours}`}
                      size="xs"
                      inputMode="decimal"
                      disabled={!r.present}
                      value={r.present ? r.hours : ''}
                      error={errors[`rows.${i}.hours`]}
                      onChange={(e) => change(i, { hours: e.currentTarget.value.replace(/[^\d.]/g, '') })}
                      onKeyDown={onHoursKey(i)}
                    />
                  </Table.Td>
                  <Table.Td><TextInput size="xs" aria-label={`${r.name} ${h.columns.note}`} value={r.note} onChange={(e) => change(i, { note: e.currentTarget.value })} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        <PersonPicker clearAfterPick label={h.walkIn} onPick={addWalkIn} w={360} />
        {refusal && <Alert color="red" role="alert">{refusal}</Alert>}
        <Group justify="space-between">
          <Text size="sm" fw={600} data-testid="hours-summary">{h.summary(presentRows.length, rows.length, tenthsText(total))}</Text>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>{zh.common.cancel}</Button>
            <Button onClick={() => void save()} loading={record.isPending}>{h.save}</Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
