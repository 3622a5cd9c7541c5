import { Badge, Button, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { partyOrgForms } from '../../../main/api/property/labels';
import { setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { fmtInt } from '../components/format';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { prop } from '../i18n/property';
import { CompanyDrawer } from './companies/CompanyDrawer';
import { ListPage } from '../components/ListPage';
import type { CompanyRow } from './types';

const l = prop.companies;

const columns: Column<CompanyRow>[] = [
  { key: 'name', title: l.columns.name, width: 'minmax(200px, 2fr)', render: (c) => c.name },
  { key: 'code', title: l.columns.creditCode, width: 190, render: (c) => <span className="num">{c.creditCode}</span> },
  {
    key: 'org', title: l.columns.partyOrg, width: 110,
    render: (c) => (c.partyOrgForm ? <Badge variant="light" radius="sm">{partyOrgForms[c.partyOrgForm]}</Badge> : l.noPartyOrg),
  },
  { key: 'members', title: l.columns.partyMembers, width: 80, align: 'right', render: (c) => <span className="num">{fmtInt(c.partyMembers)}</span> },
  { key: 'estates', title: l.columns.estates, width: 80, align: 'right', render: (c) => <span className="num">{fmtInt(c.estatesServed)}</span> },
  { key: 'contact', title: l.columns.contact, width: 'minmax(120px, 1fr)', render: (c) => [c.contactPerson, c.contactPhone].filter(Boolean).join(' · ') },
];

/** 物业企业: the companies serving the street's estates, searchable by name or pinyin initials. */
export function CompaniesPage() {
  const route = useRoute();
  const q = route.params.get('q') ?? '';
  const [text, setText] = useState(q);
  const commit = useDebouncedCallback((v: string) => setParams(route, { q: v.trim() || null }), 250);
  const [total, setTotal] = useState<number | null>(null);
  const open = route.params.get('company');
  const openNew = () => setParams(route, { company: 'new' });

  return (
    <ListPage
      title={l.title}
      count={total === null ? null : l.count(total)}
      actions={<Button leftSection={<IconPlus size={16} />} onClick={openNew}>{l.add}</Button>}
      filters={
        <TextInput aria-label={l.search} placeholder={l.search} leftSection={<IconSearch size={16} />} w={260} value={text}
          onChange={(e) => (setText(e.currentTarget.value), commit(e.currentTarget.value))} />
      }
    >
      <VirtualTable
        channel="property.listCompanies"
        input={{ q }}
        columns={columns}
        rowKey={(c) => c.id}
        onRowClick={(c) => setParams(route, { company: c.id })}
        onTotal={setTotal}
        empty={q ? <EmptyState title={l.emptyFiltered} /> : (
          <EmptyState title={l.empty} hint={l.emptyHint} actions={<Button onClick={openNew}>{l.add}</Button>} />
        )}
      />
      {open && <CompanyDrawer companyId={open === 'new' ? null : open} onClose={() => setParams(route, { company: null })} />}
    </ListPage>
  );
}
