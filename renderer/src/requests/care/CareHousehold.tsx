import { Button, Drawer, Group, Stack, Text, Timeline } from '@mantine/core';
import { useState } from 'react';
import { careCategories } from '../../../../main/api/requests/labels';
import { CareClose } from '../../../../main/api/requests/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { today } from '../../app/clock';
import { ActionModal } from '../../components/ActionModal';
import { Facts, type Fact } from '../../components/Facts';
import { DateField, TextField } from '../../components/fields';
import { RevealValue } from '../../components/RevealValue';
import { rc } from '../../i18n/requests-care';
import { zh } from '../../i18n/zh-CN';
import type { VisitRow } from '../types';
import { careAddress } from './address';
import { CareDrawer } from './CareDrawer';
import { ColourBadge } from './ColourBadge';
import { VisitModal } from './VisitModal';

const d = rc.detail;

/**
 * A household of special care: its facts with name, phone and ID number masked (查看完整 for a reviewer, with the
 * reason, audited), its visits newest first with corrections shown beside what they replace, and its moves.
 */
export function CareHousehold({ id, onClose }: { id: string; onClose: () => void }) {
  const q = useApiQuery('requests.getCare', { id });
  const close = useApiMutation('requests.closeCare', { quiet: true });
  const [action, setAction] = useState<'visit' | 'edit' | 'close' | null>(null);
  const [correcting, setCorrecting] = useState<VisitRow | null>(null);
  const h = q.data;
  const reveal = (field: 'personName' | 'personPhone' | 'idNumber', masked: string | null) =>
    masked && <RevealValue recordId={id} channel="requests.revealCare" field={field} masked={masked} />;
  const facts: Fact[] = !h ? [] : [
    [d.facts.colour, <ColourBadge key="c" colour={h.colour} long />],
    [d.facts.category, careCategories[h.category as keyof typeof careCategories] ?? h.category],
    [d.facts.person, reveal('personName', h.personName)],
    [d.facts.phone, reveal('personPhone', h.personPhone)],
    [d.facts.idNumber, reveal('idNumber', h.idNumber)],
    [d.facts.address, careAddress(h)],
    [d.facts.situation, h.situation],
    [d.facts.member, h.memberName && `${h.memberName}（${h.memberOrgName ?? ''}）`],
    [d.facts.registeredOn, h.registeredOn],
    [d.facts.lastVisit, h.lastVisitOn],
    [d.facts.next, h.nextVisitOn && (h.visitDue ? <Text key="n" span size="sm" c="red">{d.late(h.nextVisitOn)}</Text> : h.nextVisitOn)],
    [d.facts.closed, h.closedOn && d.closed(h.closedOn, h.closedReason ?? '')],
  ];
  return (
    <Drawer opened position="right" size={520} onClose={onClose} title={<Text fw={600}>{d.title}</Text>} closeButtonProps={{ 'aria-label': zh.common.close }}>
      {h && (
        <Stack gap="md">
          <Facts items={facts} labelWidth={84} />
          {!h.closedOn && (
            <Group gap="xs">
              <Button size="xs" onClick={() => setAction('visit')}>{d.actions.visit}</Button>
              <Button size="xs" variant="light" onClick={() => setAction('edit')}>{d.actions.edit}</Button>
              <Button size="xs" variant="default" onClick={() => setAction('close')}>{d.actions.close}</Button>
            </Group>
          )}
          <Text fw={600} size="sm">{d.visits}</Text>
          {h.visits.length === 0 ? <Text size="sm" c="dimmed">{d.noVisits}</Text> : (
            <Timeline bulletSize={12} lineWidth={2} active={-1}>
              {h.visits.map((v) => (
                <Timeline.Item key={v.id} title={
                  <Group gap={6}>
                    <Text size="sm" fw={600} td={v.correctedBy ? 'line-through' : undefined} className="num">{v.visitedOn}</Text>
                    {v.correctedBy && <Text size="xs" c="dimmed">{d.corrected}</Text>}
                    {!v.correctedBy && !h.closedOn && <Button size="compact-xs" variant="subtle" onClick={() => setCorrecting(v)}>{d.correct}</Button>}
                  </Group>
                }>
                  <Text size="sm" c={v.correctedBy ? 'dimmed' : undefined} td={v.correctedBy ? 'line-through' : undefined}>{v.content}</Text>
                  <Text size="xs" c="dimmed">{d.visitLine(v.visitorName)}{v.followUp && ` · ${d.followUp(v.followUp)}`}</Text>
                  {v.correctionReason && <Text size="xs" c="dimmed">{d.correction(v.correctionReason)}</Text>}
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Stack>
      )}
      {h && action === 'edit' && <CareDrawer household={h} onClose={() => setAction(null)} />}
      {h && (action === 'visit' || correcting) && (
        <VisitModal household={h} correcting={correcting} onClose={() => (setAction(null), setCorrecting(null))} />
      )}
      {h && action === 'close' && (
        <ActionModal title={rc.close.title} intro={rc.close.intro(h.personName)} confirmLabel={rc.close.title} danger schema={CareClose}
          initial={{ id, closedOn: today(), reason: '' }} onClose={() => setAction(null)} onSubmit={(input) => close.mutateAsync(input)}
          fields={(form) => (
            <>
              <DateField form={form} name="closedOn" label={rc.close.closedOn} required />
              <TextField form={form} name="reason" label={rc.close.reason} placeholder={rc.close.reasonPlaceholder} required autoFocus />
            </>
          )} />
      )}
    </Drawer>
  );
}
