import { ActionIcon, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ContractInput, ContractUpdate } from '../../../../main/api/property/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { today } from '../../app/clock';
import { ActionModal } from '../../components/ActionModal';
import { DateField, SelectField } from '../../components/fields';
import { SectionTitle } from '../../components/SectionTitle';
import { prop } from '../../i18n/property';
import { confirmDelete } from '../../components/confirmDelete';
import { KeysStayHere } from '../common/KeysStayHere';
import type { ContractRow, EstateDetail } from '../types';

const f = prop.estate;
const k = prop.contract;

const covers = (c: ContractRow, day: string) => c.startsOn <= day && (!c.endsOn || c.endsOn >= day);

/** Who served the estate when: every contract kept, a new company signed as a new contract, the running one ended. */
export function ContractsSection({ detail }: { detail: EstateDetail }) {
  const { estate, contracts } = detail;
  const [modal, setModal] = useState<{ kind: 'add' } | { kind: 'end'; contract: ContractRow } | null>(null);
  const remove = useApiMutation('property.deleteContract', { quiet: true });
  const day = today();
  const byCompany = estate.management === 'company';

  return (
    <Stack gap="xs">
      <Group justify="space-between" mt="xs">
        <SectionTitle title={f.contracts} />
        {byCompany && <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setModal({ kind: 'add' })}>{f.addContract}</Button>}
      </Group>
      {!byCompany && contracts.length === 0 && <Text size="sm" c="dimmed">{f.contractsNotCompany}</Text>}
      {byCompany && contracts.length === 0 && <Text size="sm" c="dimmed">{f.contractsNone}</Text>}
      {contracts.map((c) => (
        <Group key={c.id} justify="space-between" wrap="nowrap" gap="xs" data-testid="contract-row">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Text size="sm" truncate>{c.companyName}</Text>
            {covers(c, day) && <Badge size="sm" color="green" variant="light">{f.serving}</Badge>}
          </Group>
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed" className="num">{prop.company.contractPeriod(c.startsOn, c.endsOn)}</Text>
            {(!c.endsOn || c.endsOn >= day) && (
              <Button size="compact-xs" variant="subtle" onClick={() => setModal({ kind: 'end', contract: c })}>{f.endContract}</Button>
            )}
            <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`${f.deleteContract} ${c.companyName}`}
              onClick={() => confirmDelete({ title: k.deleteTitle, body: k.deleteBody(c.companyName, c.startsOn), confirm: f.deleteContract,
                run: () => remove.mutateAsync({ id: c.id }), done: f.saved })}>
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
        </Group>
      ))}
      <KeysStayHere>
        {modal?.kind === 'add' && <AddContract estateId={estate.placeId} estateName={estate.name} onClose={() => setModal(null)} />}
        {modal?.kind === 'end' && <EndContract contract={modal.contract} onClose={() => setModal(null)} />}
      </KeysStayHere>
    </Stack>
  );
}

function AddContract({ estateId, estateName, onClose }: { estateId: string; estateName: string; onClose: () => void }) {
  const companies = useApiQuery('property.listCompanies', { limit: 500 });
  const create = useApiMutation('property.createContract');
  const data = (companies.data?.rows ?? []).map((c) => ({ value: c.id, label: c.name }));
  return (
    <ActionModal title={k.addTitle(estateName)} intro={k.addIntro} schema={ContractInput}
      initial={{ estateId, companyId: '', startsOn: today(), endsOn: '', note: '' }}
      fields={(form) => (
        <>
          <SelectField form={form} name="companyId" label={k.company} data={data} required searchable autoFocus />
          <Group grow align="flex-start">
            <DateField form={form} name="startsOn" label={k.startsOn} required />
            <DateField form={form} name="endsOn" label={k.endsOn} description={k.endsOnHelp} />
          </Group>
        </>
      )}
      confirmLabel={f.addContract} onSubmit={(input) => create.mutateAsync(input)} onClose={onClose} />
  );
}

function EndContract({ contract, onClose }: { contract: ContractRow; onClose: () => void }) {
  const update = useApiMutation('property.updateContract');
  return (
    <ActionModal title={k.endTitle(contract.companyName)} intro={k.endIntro} schema={ContractUpdate}
      initial={{ id: contract.id, estateId: contract.estateId, companyId: contract.companyId, startsOn: contract.startsOn, endsOn: contract.endsOn ?? today(), note: contract.note ?? '' }}
      fields={(form) => <DateField form={form} name="endsOn" label={k.endsOn} required />}
      confirmLabel={f.endContract} onSubmit={(input) => update.mutateAsync(input)} onClose={onClose} />
  );
}
