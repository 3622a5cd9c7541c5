import { Alert, Badge, Button, Drawer, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { sides } from '../../../../main/api/fund/labels';
import { VoidDraft } from '../../../../main/api/fund/schemas';
import { ApiError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { ActionModal } from '../../components/ActionModal';
import { Facts } from '../../components/Facts';
import { TextField } from '../../components/fields';
import { fmtMoney, fmtTimestamp } from '../../components/format';
import { SectionTitle } from '../../components/SectionTitle';
import { fund } from '../../i18n/fund';
import { zh } from '../../i18n/zh-CN';
import { useCategories } from '../common/useCategories';
import { AttachmentsSection } from './AttachmentsSection';
import { entryFacts } from './entryFacts';
import type { EntryDetail, Signatory } from '../types';
import { SignOffModal } from './SignOffModal';

const d = fund.draft;
type Side = keyof typeof sides;

/** Each side's sign-off for the draft as it stands, or the button for that side's signer. */
function SignoffSides({ detail, onSign }: { detail: EntryDetail; onSign: (side: Side) => void }) {
  const stale = detail.signoffs.filter((s) => !s.valid);
  return (
    <Stack gap={6}>
      {(Object.keys(sides) as Side[]).map((side) => {
        const valid = detail.signoffs.find((s) => s.valid && s.side === side);
        return (
          <Paper key={side} withBorder p="xs">
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={0}>
                <Text size="sm" fw={600}>{sides[side]}</Text>
                <Text size="sm" c={valid ? undefined : 'dimmed'}>{valid ? d.signed(valid.signerName, fmtTimestamp(valid.signedAt)) : d.unsigned}</Text>
              </Stack>
              {valid
                ? <Badge color="green" variant="light">{fund.drafts.signedBadge}</Badge>
                : <Button size="xs" variant="light" onClick={() => onSign(side)} aria-label={`${sides[side]}${d.sign}`}>{d.sign}</Button>}
            </Group>
          </Paper>
        );
      })}
      {stale.length > 0 && (
        <Text size="xs" c="dimmed">{`${d.voidedSignoffs}：${stale.map((s) => `${s.signerName}（${sides[s.side]}）`).join('、')}`}</Text>
      )}
    </Stack>
  );
}

/** A draft expense: what it says, who has signed it, and posting, editing or voiding it. */
export function DraftDrawer({ entryId, signers, onEdit, onClose }: { entryId: string; signers: Signatory[]; onEdit: (d: EntryDetail) => void; onClose: () => void }) {
  const detail = useApiQuery('fund.getEntry', { id: entryId });
  const categories = useCategories();
  const post = useApiMutation('fund.postExpense', { quiet: true });
  const voidDraft = useApiMutation('fund.voidDraft', { quiet: true });
  const [signing, setSigning] = useState<Side | null>(null);
  const [voiding, setVoiding] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const x = detail.data;
  const e = x?.entry;
  const doPost = () => {
    setRefusal(null);
    post.mutate({ entryId }, {
      onSuccess: () => (notifications.show({ color: 'green', message: d.posted }), onClose()),
      onError: (err) => setRefusal(err instanceof ApiError && err.body.reason === 'BALANCE_NEGATIVE' ? `${err.message}。${d.overdrawHint}` : err.message),
    });
  };
  return (
    <Drawer opened onClose={onClose} position="right" size={480} title={<Text fw={600} size="lg">{d.title}</Text>} closeButtonProps={{ 'aria-label': zh.common.close }}>
      {e && e.status === 'draft' && (
        <Stack gap="sm">
          <Facts items={entryFacts(x, categories.label(e.direction, e.category))} />
          <AttachmentsSection detail={x} />
          <SectionTitle title={d.signoffs} />
          <SignoffSides detail={x} onSign={(side) => (setRefusal(null), setSigning(side))} />
          {refusal && <Alert color="red" variant="light" role="alert">{refusal}</Alert>}
          <Group justify="space-between" mt="sm">
            <Button variant="subtle" color="red" onClick={() => setVoiding(true)}>{d.void}</Button>
            <Group gap="xs">
              <Button variant="default" onClick={() => onEdit(x)}>{d.edit}</Button>
              <Button onClick={doPost} loading={post.isPending}>{d.post}</Button>
            </Group>
          </Group>
        </Stack>
      )}
      {signing && e && <SignOffModal entry={e} side={signing} signers={signers} onClose={() => setSigning(null)} />}
      {voiding && e && (
        <ActionModal
          title={d.voidTitle}
          intro={d.voidBody(fmtMoney(e.amount), e.purpose)}
          schema={VoidDraft}
          initial={{ entryId, reason: '' }}
          danger
          confirmLabel={d.void}
          fields={(form) => <TextField form={form} name="reason" label={d.voidReason} required autoFocus />}
          onSubmit={(input) => voidDraft.mutateAsync(input).then(() => (notifications.show({ color: 'green', message: d.voided }), onClose()))}
          onClose={() => setVoiding(false)}
        />
      )}
    </Drawer>
  );
}
