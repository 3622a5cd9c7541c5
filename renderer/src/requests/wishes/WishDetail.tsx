import { Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { wishKinds } from '../../../../main/api/requests/labels';
import { tenthsText } from '../../../../main/api/volunteer/tenths';
import { useApiQuery } from '../../api/queries';
import { Facts, type Fact } from '../../components/Facts';
import { rq } from '../../i18n/requests';
import { zh } from '../../i18n/zh-CN';
import { WishAction, type WishActionKind } from './WishAction';
import { WishBadge } from './WishBadge';
import { WishDrawer } from './WishDrawer';

const d = rq.wish;
const next: Record<string, (WishActionKind | 'edit')[]> = { open: ['claim', 'edit', 'withdraw'], claimed: ['fulfil', 'release', 'withdraw'], fulfilled: [], withdrawn: [] };

/** A wish: its facts, and only the moves its state allows (认领, 登记完成, 取消认领, 撤回; 修改 while unclaimed). */
export function WishDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const q = useApiQuery('requests.getWish', { id });
  const [action, setAction] = useState<WishActionKind | 'edit' | null>(null);
  const x = q.data;
  const facts: Fact[] = !x ? [] : ([
    [d.facts.kind, wishKinds[x.kind]],
    [d.facts.title, x.title],
    [d.facts.detail, x.detail],
    [d.facts.place, x.placeName],
    [d.facts.wisher, x.wisherName],
    [d.facts.phone, x.wisherPhone],
    [d.facts.publishedOn, x.publishedOn],
    [d.facts.claimer, x.claimerName],
    [d.facts.unit, x.claimerUnit],
    [d.facts.claimedOn, x.claimedOn],
    [d.facts.fulfilledOn, x.fulfilledOn],
    [d.facts.result, x.result],
    [d.facts.hours, x.hoursTenths !== null && rq.wishes.hours(tenthsText(x.hoursTenths))],
    [d.facts.credited, x.state === 'fulfilled' && x.claimerMemberId && (x.activityId ? d.credited : d.notCredited)],
    [d.facts.withdrawn, x.withdrawnReason],
  ] as Fact[]).filter(([, v]) => v);
  return (
    <Drawer opened position="right" size={480} onClose={onClose} title={<Text fw={600}>{d.detailTitle}</Text>} closeButtonProps={{ 'aria-label': zh.common.close }}>
      {x && (
        <Stack gap="md">
          <Group gap={6}><WishBadge state={x.state} /></Group>
          <Facts items={facts} labelWidth={84} />
          {next[x.state]!.length === 0 ? <Text size="sm" c="dimmed">{d.finished}</Text> : (
            <Group gap="xs">
              {next[x.state]!.map((a) => (
                <Button key={a} size="xs" variant={a === 'withdraw' || a === 'release' ? 'default' : 'light'} onClick={() => setAction(a)}>{d.actions[a]}</Button>
              ))}
            </Group>
          )}
        </Stack>
      )}
      {x && action === 'edit' && <WishDrawer wish={x} onClose={() => setAction(null)} />}
      {x && action && action !== 'edit' && <WishAction wish={x} action={action} onClose={() => setAction(null)} />}
    </Drawer>
  );
}
