import { Badge, UnstyledButton } from '@mantine/core';
import type { ComplianceSlot } from '../../../../main/api/party/compliance';
import { pm } from '../../i18n/party-meetings';

const c = pm.compliance;
const LOOK = {
  held: { color: 'green', variant: 'light', label: c.held },
  missing: { color: 'red', variant: 'filled', label: c.missing },
  pending: { color: 'gray', variant: 'light', label: c.pending },
} as const;

/** `2026-10` → 10月, `2026-Q4` → 四季度. */
export const periodLabel = (period: string) =>
  period.includes('Q') ? c.quarterShort(Number(period.slice(-1))) : c.month(Number(period.slice(5, 7)));

/** One required meeting in one period: green when held (with how many), red when missed, grey while there is time. */
export function SlotBadge({ slot, groups, onClick }: { slot: ComplianceSlot; groups?: number; onClick?: () => void }) {
  const look = LOOK[slot.state];
  // Group meetings count per party group: "2/3" says how many of the branch's groups met.
  const detail = groups && groups > 1 ? ` ${slot.groupsHeld ?? 0}/${groups}` : slot.state === 'held' && slot.held > 1 ? ` ${slot.held}` : '';
  const text = `${periodLabel(slot.period)} ${look.label}${detail}`;
  const title = groups ? c.groupSlotTitle(periodLabel(slot.period), look.label, slot.groupsHeld ?? 0, groups) : text;
  const badge = (
    <Badge color={look.color} variant={look.variant} radius="sm" size="md" style={{ textTransform: 'none', cursor: onClick ? 'pointer' : undefined }}>
      {text}
    </Badge>
  );
  if (!onClick) return <span title={title}>{badge}</span>;
  // The accessible name starts with the words on the badge (WCAG 2.5.3: a voice user says what they see).
  return <UnstyledButton onClick={onClick} title={title} aria-label={title === text ? text : `${text}：${title}`}>{badge}</UnstyledButton>;
}
