import { Badge, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { NEW_TARGET, type RegisterInfo, type ValidationReport, type ValueAnswers, type ValueQuestion } from '../../../main/api/import/contract';
import { imp } from '../i18n/import';

const q = imp.report.questions;

interface Props {
  register: RegisterInfo;
  report: ValidationReport;
  /** The answers given so far (remembered with the layout, or confirmed in this import). */
  values: ValueAnswers;
  onAnswer: (values: ValueAnswers) => void;
  busy: boolean;
}

/** What a question's select shows first: the clerk's answer, the reading the import would use, the best proposal. */
const initial = (x: ValueQuestion) => x.answer ?? x.reading ?? x.proposals[0]?.id ?? null;
const keyOf = (x: ValueQuestion) => `${x.field}\u0000${x.value}`;

/**
 * 所在支部对应: every value of the file the tree does not name exactly, once each, with the likely branch chosen in
 * advance. Nothing is applied until the clerk confirms; the confirmed answers are remembered with the layout.
 */
export function ValueQuestions({ register, report, values, onAnswer, busy }: Props) {
  const [draft, setDraft] = useState<Record<string, string | null>>(() => Object.fromEntries(report.questions.map((x) => [keyOf(x), initial(x)])));
  if (report.questions.length === 0) return null;
  const labelOf = new Map(register.fields.map((f) => [f.key, f.label]));
  const fields = [...new Set(report.questions.map((x) => x.field))];
  const chosen = report.questions.filter((x) => (draft[keyOf(x)] ?? initial(x)) !== null);

  const confirm = () => {
    const next: ValueAnswers = Object.fromEntries(Object.entries(values).map(([f, m]) => [f, { ...m }]));
    for (const x of chosen) (next[x.field] ??= {})[x.value] = (draft[keyOf(x)] ?? initial(x))!;
    onAnswer(next);
  };

  const options = (x: ValueQuestion) => {
    const proposed = new Set(x.proposals.map((p) => p.id));
    const toItem = (t: { id: string; label: string }) => ({ value: t.id, label: t.label });
    return [
      ...(x.proposals.length ? [{ group: q.similar, items: x.proposals.map(toItem) }] : []),
      { group: q.all, items: (report.targets[x.field] ?? []).filter((t) => !proposed.has(t.id)).map(toItem) },
      { group: q.other, items: [{ value: NEW_TARGET, label: q.createNew(x.value) }] },
    ];
  };
  const state = (x: ValueQuestion) =>
    x.answer ? <Badge size="sm" variant="light" color="green">{q.confirmed}</Badge>
      : x.reading && x.reading !== NEW_TARGET ? <Badge size="sm" variant="light" color="yellow">{q.normalised}</Badge>
        : <Badge size="sm" variant="light" color="red">{q.pending}</Badge>;

  return (
    <Paper withBorder p="sm" data-testid="value-questions">
      <Stack gap="xs">
        {fields.map((field) => (
          <div key={field}>
            <Text fw={600} size="sm">{q.title(labelOf.get(field) ?? field)}</Text>
            <Text size="xs" c="dimmed">{q.intro(labelOf.get(field) ?? field)}</Text>
          </div>
        ))}
        <Table verticalSpacing={4} aria-label={q.title(labelOf.get(fields[0]!) ?? '')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{q.value}</Table.Th>
              <Table.Th w={70}>{q.rows}</Table.Th>
              <Table.Th w={340}>{q.target}</Table.Th>
              <Table.Th w={170}>{q.state}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.questions.map((x) => (
              <Table.Tr key={keyOf(x)} data-value={x.value}>
                <Table.Td><Text size="sm">{x.value}</Text></Table.Td>
                <Table.Td><Text size="sm">{x.rows}</Text></Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={`${x.value} ${q.target}`}
                    placeholder={q.choose}
                    searchable
                    data={options(x)}
                    value={draft[keyOf(x)] ?? initial(x)}
                    onChange={(v) => setDraft({ ...draft, [keyOf(x)]: v })}
                  />
                </Table.Td>
                <Table.Td>{state(x)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button size="xs" onClick={confirm} disabled={chosen.length === 0} loading={busy}>{q.confirm(chosen.length)}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
