import { Button, Group, Stack, Text } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { sides } from '../../../../main/api/fund/labels';
import { fmtTimestamp } from '../../components/format';
import { fundReconcile } from '../../i18n/fund-reconcile';
import type { Out } from '../types';

const r = fundReconcile;
type Saved = NonNullable<Out<'fund.getReconciliation'>['saved']>;
export type Side = keyof typeof sides;

/**
 * Each side's confirmation of the month as saved: the one that counts, or the one an edit voided, and the button
 * for that side while the month can be confirmed (saved, unchanged since, the two sides agreeing).
 */
export function Confirmations({ saved, canConfirm, onConfirm }: { saved: Saved | null; canConfirm: boolean; onConfirm: (side: Side) => void }) {
  const final = saved?.reconciliation.status === 'confirmed';
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>{r.confirmations}</Text>
      {(Object.keys(sides) as Side[]).map((side) => {
        const mine = saved?.signoffs.filter((s) => s.side === side) ?? [];
        const valid = mine.find((s) => s.valid);
        const voided = !valid && mine[0];
        return (
          <Group key={side} justify="space-between" wrap="nowrap">
            <Text size="sm" c={valid ? 'green' : voided ? 'orange' : 'dimmed'}>
              {valid ? r.confirmedBy(sides[side], valid.signerName, fmtTimestamp(valid.signedAt)) : voided ? r.voided(voided.signerName) : r.notConfirmed(sides[side])}
            </Text>
            {!final && !valid && (
              <Button size="xs" variant="light" leftSection={<IconSignature size={14} />} disabled={!canConfirm} onClick={() => onConfirm(side)}>
                {r.confirm(sides[side])}
              </Button>
            )}
          </Group>
        );
      })}
      {final && <Text size="sm" c="green">{r.finalNote(fmtTimestamp(saved.reconciliation.confirmedAt))}</Text>}
    </Stack>
  );
}
