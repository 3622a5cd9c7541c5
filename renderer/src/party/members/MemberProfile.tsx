import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { genders, memberCategories, memberRoles } from '../../../../main/api/party/labels';
import { reg } from '../../i18n/party-register';
import { Facts } from '../../components/Facts';
import { SectionTitle } from '../../components/SectionTitle';
import type { MemberView } from '../types';
import { RevealValue } from '../../components/RevealValue';

const f = reg.form;
const d = reg.drawer;

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <SectionTitle title={title} />
      {children}
    </Stack>
  );
}

/** Every field of the record, grouped as the paper register groups them; ID and phone masked until asked. */
export function MemberProfile({ m }: { m: MemberView }) {
  return (
    <Stack gap="md">
      <Part title={f.basics}>
        <Facts
          items={[
            [f.gender, genders[m.gender]],
            [f.birthDate, m.birthDate],
            [f.idNumber, m.idNumberMasked && <RevealValue recordId={m.id} field="idNumber" masked={m.idNumberMasked} />],
            [f.phone, m.phoneMasked && <RevealValue recordId={m.id} field="phone" masked={m.phoneMasked} />],
            [f.ethnicity, m.ethnicity],
            [f.education, m.education],
          ]}
        />
      </Part>
      <Part title={f.party}>
        <Facts
          items={[
            [f.joinedOn, m.joinedOn],
            [f.fullOn, m.fullOn],
            [f.category, memberCategories[m.category]],
            ...(m.category === 'in_service' || m.workUnit ? [[f.workUnit, m.workUnit] as [string, string | null]] : []),
            ...(m.category === 'in_service' ? [[f.reportedOn, m.reportedOn] as [string, string | null]] : []),
            ...(m.transferredInOn ? [[d.transferredInLabel, d.transferredIn(m.transferredInOn, m.transferredFrom)] as [string, string]] : []),
          ]}
        />
      </Part>
      <Part title={f.placement}>
        <Facts
          items={[
            [f.orgId, m.orgName],
            [f.role, m.role ? memberRoles[m.role] : null],
            [f.buildingId, m.buildingName],
            [f.address, m.address],
            [f.centre, m.isCentreHousehold ? d.yes : null],
            [f.note, m.note],
          ]}
        />
      </Part>
    </Stack>
  );
}
