import { Badge, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCash, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { formatFen } from '../../../main/api/common/money';
import { mayDo } from '../../../main/api/common/roles';
import { campaignSchemes, campaignStatuses } from '../../../main/api/fund/labels';
import { CloseCampaign } from '../../../main/api/fund/schemas';
import { maskName } from '../../../main/api/fund/split';
import { useApiMutation, useApiQuery, useRole } from '../api/queries';
import { ActionModal } from '../components/ActionModal';
import { TextField } from '../components/fields';
import { PdfButtons } from '../components/PdfButtons';
import { EmptyState } from '../components/EmptyState';
import { fundIncome } from '../i18n/fund-income';
import { fmtArea } from '../components/format';
import { AccountSelect } from './common/AccountSelect';
import { useRouteAccount } from './common/useRouteAccount';
import { CampaignForm } from './crowd/CampaignForm';
import { showHundredths } from './crowd/FloorCoefficients';
import { GrantForm } from './crowd/GrantForm';
import { PaymentForm } from './crowd/PaymentForm';
import { PledgeForm } from './crowd/PledgeForm';
import type { Out } from './types';

const c = fundIncome.crowd;
type Campaign = Out<'fund.listCampaigns'>[number];
type Household = Out<'fund.getCampaign'>['households'][number];

function CampaignList({ campaigns, chosen, onChoose }: { campaigns: Campaign[]; chosen: string | null; onChoose: (id: string) => void }) {
  const k = c.columns;
  return (
    <Table fz="sm" verticalSpacing={6} highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{k.title}</Table.Th><Table.Th className="num">{k.target}</Table.Th><Table.Th className="num">{k.owners}</Table.Th>
          <Table.Th className="num">{k.paid}</Table.Th><Table.Th className="num">{k.grants}</Table.Th><Table.Th className="num">{k.pledgedUnpaid}</Table.Th>
          <Table.Th w={200}>{k.progress}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {campaigns.map((x) => (
          <Table.Tr key={x.id} onClick={() => onChoose(x.id)} style={{ cursor: 'pointer' }} bg={x.id === chosen ? 'var(--mantine-color-blue-light)' : undefined}>
            <Table.Td><Button variant="subtle" size="compact-sm" onClick={() => onChoose(x.id)}>{x.title}</Button></Table.Td>
            <Table.Td className="num">{formatFen(x.target)}</Table.Td>
            <Table.Td className="num">{formatFen(x.ownersPart)}</Table.Td>
            <Table.Td className="num">{formatFen(x.paid)}</Table.Td>
            <Table.Td className="num">{formatFen(x.grantsReceived)}</Table.Td>
            <Table.Td className="num">{formatFen(x.pledgedUnpaid)}</Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Progress value={Math.min(x.progressPermille / 10, 100)} w={120} aria-label={`${x.title} ${k.progress}`} />
                <Text size="sm" className="num">{c.progress(x.progressPermille)}</Text>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A campaign's households with share, pledged and paid; 认缴 and 登记缴款 on each (reached by Tab), 补助到账 for the campaign. */
function CampaignHouseholds({ campaignId }: { campaignId: string }) {
  const detail = useApiQuery('fund.getCampaign', { campaignId });
  const [paying, setPaying] = useState<Household | null>(null);
  const [pledging, setPledging] = useState<Household | null>(null);
  const [granting, setGranting] = useState(false);
  const [closing, setClosing] = useState(false);
  const print = useApiMutation('fund.printCampaignList');
  const close = useApiMutation('fund.closeCampaign', { quiet: true });
  const role = useRole();
  const mayClose = !!role && mayDo(role, 'review');
  const d = detail.data;
  if (!d) return null;
  const h = c.household;
  const x = d.campaign;
  const byFloor = x.scheme === 'floor_area';
  const custom = x.scheme === 'custom';
  const coefficient = new Map(d.floorCoefficients.map((f) => [f.floor, showHundredths(f.coefficientHundredths)]));
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={5}>{x.title}</Title>
            <Text size="sm" c="dimmed">{x.purpose}</Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {x.status === 'closed' && <Badge color="gray" variant="light">{campaignStatuses.closed}</Badge>}
            {x.status === 'open' && x.subsidyPart + x.grantPart > 0 && (
              <Button size="compact-sm" variant="light" onClick={() => setGranting(true)}>{c.grantAction}</Button>
            )}
            <PdfButtons make={() => print.mutateAsync({ campaignId: x.id })} printLabel={c.printList} />
            {x.status === 'open' && mayClose && (
              <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setClosing(true)}>{c.close}</Button>
            )}
          </Group>
        </Group>
        <Text size="sm">{c.mix(formatFen(x.ownersPart), formatFen(x.subsidyPart), formatFen(x.grantPart), formatFen(x.balancePart))}</Text>
        <Text size="sm">{`${c.scheme}：${campaignSchemes[x.scheme]}`}{byFloor && ` · ${c.coefficients} ${d.floorCoefficients.map((f) => `${c.floorLabel(f.floor)} ${coefficient.get(f.floor)}`).join('、')}`}</Text>
        <Table fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{h.room}</Table.Th><Table.Th>{h.owner}</Table.Th><Table.Th className="num">{h.area}</Table.Th>
              {byFloor && <Table.Th className="num">{h.floor}</Table.Th>}{custom && <Table.Th className="num">{h.weight}</Table.Th>}<Table.Th className="num">{h.share}</Table.Th>
              <Table.Th className="num">{h.pledged}</Table.Th><Table.Th className="num">{h.paid}</Table.Th><Table.Th w={190} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.households.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.room}</Table.Td>
                <Table.Td>{r.ownerName}<Text span size="xs" c="dimmed">{` （${c.publicList}：${maskName(r.ownerName)}）`}</Text></Table.Td>
                <Table.Td className="num">{fmtArea(r.areaHundredths)}</Table.Td>
                {byFloor && <Table.Td className="num">{r.floor}</Table.Td>}
                {custom && <Table.Td className="num">{r.weightHundredths === null ? '' : showHundredths(r.weightHundredths)}</Table.Td>}
                <Table.Td className="num">{formatFen(r.share)}</Table.Td>
                <Table.Td className="num">{r.pledged > 0 ? formatFen(r.pledged) : ''}</Table.Td>
                <Table.Td className="num">{r.paid > 0 ? formatFen(r.paid) : ''}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-sm" variant="subtle" onClick={() => setPledging(r)} aria-label={`${c.pledge} ${r.room}`}
                      disabled={x.status !== 'open'}>{c.pledge}</Button>
                    <Button size="compact-sm" variant="light" leftSection={<IconCash size={14} />} onClick={() => setPaying(r)} aria-label={`${c.pay} ${r.room}`}
                      disabled={x.status !== 'open'}>{c.pay}</Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      {paying && <PaymentForm household={paying} onClose={() => setPaying(null)} />}
      {pledging && <PledgeForm household={pledging} onClose={() => setPledging(null)} />}
      {granting && <GrantForm campaign={x} onClose={() => setGranting(false)} />}
      {closing && (
        <ActionModal
          title={c.closeTitle(x.title)}
          intro={c.closeBody(formatFen(x.paid), formatFen(x.grantsReceived), formatFen(x.pledgedUnpaid))}
          schema={CloseCampaign}
          initial={{ campaignId: x.id, reason: '' }}
          danger
          confirmLabel={c.close}
          fields={(form) => <TextField form={form} name="reason" label={c.closeReason} required autoFocus />}
          onSubmit={(input) => close.mutateAsync(input).then(() => notifications.show({ color: 'green', message: c.closed(x.title) }))}
          onClose={() => setClosing(false)}
        />
      )}
    </Paper>
  );
}

/** 众筹: an account's campaigns with their progress, a campaign's households, and recording payments. */
export function CrowdfundingPage() {
  const { route, set, accountId } = useRouteAccount();
  const campaigns = useApiQuery('fund.listCampaigns', { accountId: accountId ?? '' }, { enabled: !!accountId });
  const chosen = route.params.get('campaign') ?? (campaigns.data?.length === 1 ? campaigns.data[0]!.id : null);
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{c.title}</Title>
        {accountId && <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>{c.create}</Button>}
      </Group>
      <Text size="sm" c="dimmed" maw={900}>{c.intro}</Text>
      <AccountSelect value={accountId} onChange={(id) => set({ account: id, campaign: null })} />
      {!accountId ? <EmptyState title={c.pickAccount} /> : campaigns.data?.length === 0 ? <EmptyState title={c.empty} /> : (
        <Paper withBorder><CampaignList campaigns={campaigns.data ?? []} chosen={chosen} onChoose={(id) => set({ campaign: id })} /></Paper>
      )}
      {chosen && <CampaignHouseholds key={chosen} campaignId={chosen} />}
      {creating && accountId && (
        <CampaignForm accountId={accountId} onClose={() => setCreating(false)} onMade={(id) => { setCreating(false); set({ campaign: id }); }} />
      )}
    </Stack>
  );
}
