import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { cardBases, cardColours, cardStandings } from '../../../../main/api/property/labels';
import { IssueRedCard, RectificationYellowCard, ResolutionYellowCard, WithdrawCard } from '../../../../main/api/property/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { today } from '../../app/clock';
import { ActionModal } from '../../components/ActionModal';
import { DateField, TextAreaField } from '../../components/fields';
import { fmtTimestamp } from '../../components/format';
import { SectionTitle } from '../../components/SectionTitle';
import type { ZodForm } from '../../components/useZodForm';
import { pc } from '../../i18n/property-cards';
import type { ApiOutput } from '../../api/types';
import { KeysStayHere } from '../common/KeysStayHere';

type Cards = ApiOutput<'property.getCompany'>['cards'];
type Card = Cards['cards'][number];
type Proposal = ApiOutput<'property.listCardProposals'>['resolutions'][number];
type Action = { kind: 'resolution'; proposal: Proposal } | { kind: 'rectification' } | { kind: 'red' } | { kind: 'withdraw'; card: Card };

const standingColour = { none: 'gray', yellow: 'yellow', red_due: 'orange', red: 'red' } as const;
const m = pc.modal;

/**
 * A company's card record in its drawer: where it stands today, the overdue resolutions the program proposes a
 * yellow for (the clerk confirms each or not), the cards newest first — withdrawn ones kept, marked, with the reason.
 */
export function CompanyCards({ companyId, cards }: { companyId: string; cards: Cards }) {
  const proposals = useApiQuery('property.listCardProposals', { companyId });
  const [action, setAction] = useState<Action | null>(null);
  const { standing } = cards;
  return (
    <>
      <SectionTitle title={pc.section} mt="xs" />
      <Group gap="xs">
        <Badge radius="sm" variant="light" color={standingColour[standing.state]}>{`${pc.standing}：${cardStandings[standing.state]}`}</Badge>
        <Text size="xs" c="dimmed">
          {standing.redIssuedOn ? pc.redSince(standing.redIssuedOn) : pc.standingDetail(standing.yellows, standing.windowFrom, standing.rule.redAfterYellows)}
        </Text>
      </Group>
      {(proposals.data?.resolutions ?? []).length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>{pc.proposals}</Text>
          {proposals.data!.resolutions.map((p) => (
            <Group key={p.resolutionId} justify="space-between" wrap="nowrap">
              <Stack gap={0}>
                <Text size="sm">{p.content}</Text>
                <Text size="xs" c="dimmed">{pc.proposalItem(p.estateName, p.dueOn)}</Text>
              </Stack>
              <Button size="compact-xs" color="yellow" variant="light" onClick={() => setAction({ kind: 'resolution', proposal: p })}>{pc.yellowForResolution}</Button>
            </Group>
          ))}
        </Stack>
      )}
      <Group gap="xs">
        <Button size="compact-sm" variant="light" color="yellow" onClick={() => setAction({ kind: 'rectification' })}>{pc.yellowForRectification}</Button>
        <Button size="compact-sm" variant="light" color="red" disabled={standing.state !== 'red_due'} title={pc.redHint} onClick={() => setAction({ kind: 'red' })}>{pc.red}</Button>
      </Group>
      {cards.cards.length === 0 ? <Text size="sm" c="dimmed">{pc.none}</Text> : (
        <Stack gap={6}>
          {cards.cards.map((c) => <CardLine key={c.id} card={c} onWithdraw={() => setAction({ kind: 'withdraw', card: c })} />)}
        </Stack>
      )}
      {action && <KeysStayHere><CardModal companyId={companyId} standing={standing} action={action} onClose={() => setAction(null)} /></KeysStayHere>}
    </>
  );
}

function CardLine({ card, onWithdraw }: { card: Card; onWithdraw: () => void }) {
  const withdrawn = card.withdrawnAt !== null;
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" opacity={withdrawn ? 0.6 : 1} data-card={card.colour}>
      <Stack gap={0}>
        <Group gap={6}>
          <Badge size="sm" radius="sm" color={card.colour === 'red' ? 'red' : 'yellow'} variant={withdrawn ? 'outline' : 'filled'}>{cardColours[card.colour]}</Badge>
          <Text size="xs" c="dimmed">{cardBases[card.basis]}</Text>
          <Text size="xs" c="dimmed" className="num">{pc.issuedBy(card.issuedOn, card.operator)}</Text>
          {card.dueOn && <Text size="xs" c="dimmed" className="num">{pc.dueOn(card.dueOn)}</Text>}
        </Group>
        {card.resolutionContent && <Text size="sm">{card.resolutionContent}</Text>}
        <Text size="sm" td={withdrawn ? 'line-through' : undefined}>{card.reason}</Text>
        {withdrawn && <Text size="xs" c="dimmed">{`${pc.withdrawn(fmtTimestamp(card.withdrawnAt), card.withdrawnBy!)}：${card.withdrawnReason}`}</Text>}
      </Stack>
      {!withdrawn && <Button size="compact-xs" variant="subtle" color="gray" onClick={onWithdraw}>{pc.withdraw}</Button>}
    </Group>
  );
}

/** The day of issue: today unless the card was decided on paper earlier (never later than today). */
const IssuedOn = ({ form }: { form: ZodForm }) => <DateField form={form} name="issuedOn" label={m.issuedOn} required />;

function CardModal({ companyId, standing, action, onClose }: { companyId: string; standing: Cards['standing']; action: Action; onClose: () => void }) {
  const yellow = useApiMutation('property.issueYellowCard', { quiet: true });
  const red = useApiMutation('property.issueRedCard', { quiet: true });
  const withdraw = useApiMutation('property.withdrawCard', { quiet: true });
  switch (action.kind) {
    case 'resolution':
      return (
        <ActionModal title={m.yellowTitle} intro={m.yellowIntro(action.proposal.content, action.proposal.dueOn)} schema={ResolutionYellowCard} confirmLabel={m.yellowTitle}
          initial={{ basis: 'resolution', resolutionId: action.proposal.resolutionId, issuedOn: today(), reason: '' }}
          fields={(form) => (<><IssuedOn form={form} /><TextAreaField form={form} name="reason" label={m.reason} required autoFocus minRows={2} /></>)}
          onSubmit={(input) => yellow.mutateAsync(input)} onClose={onClose} />
      );
    case 'rectification':
      return (
        <ActionModal title={m.yellowTitle} intro={m.rectificationIntro} schema={RectificationYellowCard} confirmLabel={m.yellowTitle}
          initial={{ basis: 'rectification', companyId, dueOn: '', issuedOn: today(), reason: '' }}
          fields={(form) => (
            <>
              <TextAreaField form={form} name="reason" label={m.rectificationReason} required autoFocus minRows={2} />
              <Group grow align="flex-start">
                <DateField form={form} name="dueOn" label={m.dueOn} required />
                <IssuedOn form={form} />
              </Group>
            </>
          )}
          onSubmit={(input) => yellow.mutateAsync(input)} onClose={onClose} />
      );
    case 'red':
      return (
        <ActionModal title={m.redTitle} intro={m.redIntro(standing.yellows)} schema={IssueRedCard} confirmLabel={m.redTitle} danger
          initial={{ companyId, issuedOn: today(), reason: '' }}
          fields={(form) => (<><IssuedOn form={form} /><TextAreaField form={form} name="reason" label={m.reason} required autoFocus minRows={2} /></>)}
          onSubmit={(input) => red.mutateAsync(input)} onClose={onClose} />
      );
    case 'withdraw':
      return (
        <ActionModal title={m.withdrawTitle} intro={m.withdrawIntro(`${cardColours[action.card.colour]} ${action.card.issuedOn}`)} schema={WithdrawCard}
          confirmLabel={pc.withdraw} danger initial={{ id: action.card.id, reason: '' }}
          fields={(form) => <TextAreaField form={form} name="reason" label={m.withdrawReason} required autoFocus minRows={2} />}
          onSubmit={(input) => withdraw.mutateAsync(input)} onClose={onClose} />
      );
  }
}
