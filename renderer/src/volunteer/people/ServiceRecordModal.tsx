import { Alert, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { todayIso } from '../../../../main/api/common/calendar';
import { tenthsText } from '../../../../main/api/volunteer/tenths';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { vol } from '../../i18n/volunteer';
import { zh } from '../../i18n/zh-CN';
import { PdfButtons } from '../../components/PdfButtons';
import { TypedDateInput } from '../../components/TypedDateInput';
import type { VolunteerView } from '../types';

const r = vol.record;
const c = r.columns;

/** A person's service record for a period: previewed here, printed as the PDF the core draws (A4, masked). */
export function ServiceRecordModal({ volunteer, onClose }: { volunteer: VolunteerView; onClose: () => void }) {
  const today = todayIso();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const valid = !!from && !!to && from <= to;
  const data = useApiQuery('volunteer.getServiceRecord', { volunteerId: volunteer.id, from, to }, { enabled: valid });
  const print = useApiMutation('volunteer.printServiceRecord');
  const dateInput = (label: string, value: string, set: (v: string) => void) => (
    <TypedDateInput label={label} value={value} onChange={(v) => v && set(v)} w={160} />
  );

  return (
    <Modal opened onClose={onClose} size={760} title={<Text fw={600}>{r.title(volunteer.name)}</Text>} closeButtonProps={{ 'aria-label': zh.common.close }}>
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          {dateInput(r.from, from, setFrom)}
          {dateInput(r.to, to, setTo)}
          <PdfButtons make={() => print.mutateAsync({ volunteerId: volunteer.id, from, to })} printLabel={r.print} saveLabel={r.download} disabled={!valid} />
        </Group>
        {data.data && (
          <>
            <Text size="sm" fw={600}>{r.summary(data.data.activities, tenthsText(data.data.totalHours))}</Text>
            {data.data.lines.length === 0 ? <Text size="sm" c="dimmed">{r.none}</Text> : (
              <ScrollArea.Autosize mah={360}>
                <Table striped withTableBorder fz="sm" verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>{[c.date, c.title, c.unit, c.recorder, c.hours].map((h) => <Table.Th key={h}>{h}</Table.Th>)}</Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.data.lines.map((l) => (
                      <Table.Tr key={l.activityId}>
                        <Table.Td>{l.onDate}</Table.Td>
                        <Table.Td>{l.title}</Table.Td>
                        <Table.Td>{l.organiserName}</Table.Td>
                        <Table.Td>{[l.recorderOrgName, l.recordedBy].filter(Boolean).join(' / ')}</Table.Td>
                        <Table.Td ta="right" className="num">{tenthsText(l.hours)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            )}
          </>
        )}
        <Alert color="gray" p="xs"><Text size="xs">{r.note}</Text></Alert>
      </Stack>
    </Modal>
  );
}
