import { Badge, Drawer, Group, Paper, Stack, Text } from '@mantine/core';
import { sides } from '../../../../main/api/fund/labels';
import { useApiQuery } from '../../api/queries';
import { Facts } from '../../components/Facts';
import { fmtTimestamp } from '../../components/format';
import { SectionTitle } from '../../components/SectionTitle';
import { fund } from '../../i18n/fund';
import { zh } from '../../i18n/zh-CN';
import { useCategories } from '../common/useCategories';
import { AttachmentsSection } from './AttachmentsSection';
import { entryFacts } from './entryFacts';

const p = fund.posted;
type Side = keyof typeof sides;

/** A posted entry: what it says, when and by whom it was posted, its hash, and the sign-offs its posting used. */
export function PostedEntryDrawer({ entryId, onClose }: { entryId: string; onClose: () => void }) {
  const detail = useApiQuery('fund.getEntry', { id: entryId });
  const categories = useCategories();
  const x = detail.data;
  const e = x?.entry;
  const counted = x?.signoffs.filter((s) => s.valid) ?? [];
  const earlier = x?.signoffs.filter((s) => !s.valid) ?? [];
  return (
    <Drawer opened onClose={onClose} position="right" size={480} title={<Text fw={600} size="lg">{e?.seq ? p.title(e.seq) : ''}</Text>}
      closeButtonProps={{ 'aria-label': zh.common.close }}>
      {e && x && (
        <Stack gap="sm">
          <Facts items={[
            ...entryFacts(x, categories.label(e.direction, e.category)),
            [p.facts.posted, e.postedBy && e.postedAt ? p.postedBy(e.postedBy, fmtTimestamp(e.postedAt)) : null],
            // Only the digits in a fixed-width face: monospace fonts have no Chinese glyphs.
            [p.facts.hash, e.hash && <Text span size="sm" ff="monospace">{e.hash.slice(0, 16)}</Text>],
            ...(x.reversedBy ? [[p.facts.reversed, p.reversedBy] as [string, string]] : []),
          ]} />
          <AttachmentsSection detail={x} />
          <SectionTitle title={p.counted} />
          {counted.length === 0 ? <Text size="sm" c="dimmed">{p.noSignoffs}</Text> : (
            <Stack gap={6}>
              {(Object.keys(sides) as Side[]).map((side) => {
                const s = counted.find((c) => c.side === side);
                return s && (
                  <Paper key={side} withBorder p="xs">
                    <Group justify="space-between" wrap="nowrap">
                      <Stack gap={0}>
                        <Text size="sm" fw={600}>{sides[side]}</Text>
                        <Text size="sm">{fund.draft.signed(s.signerName, fmtTimestamp(s.signedAt))}</Text>
                      </Stack>
                      <Badge color="green" variant="light">{fund.drafts.signedBadge}</Badge>
                    </Group>
                  </Paper>
                );
              })}
            </Stack>
          )}
          {earlier.length > 0 && (
            <Text size="xs" c="dimmed">{`${p.earlier}：${earlier.map((s) => `${s.signerName}（${sides[s.side]}）`).join('、')}`}</Text>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
