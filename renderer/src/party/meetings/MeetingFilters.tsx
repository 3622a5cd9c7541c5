import { Group, Select } from '@mantine/core';
import { meetingTypes } from '../../../../main/api/party/labels';
import { setParams, type Route } from '../../app/router';
import { FilterDate } from '../../components/FilterDate';
import { options } from '../../components/fields';
import { pm } from '../../i18n/party-meetings';
import { UnitSelect } from '../../components/UnitSelect';

/** The list's filters live in the address, so they survive opening a meeting and coming back. */
export function MeetingFilters({ route }: { route: Route }) {
  const p = route.params;
  return (
    <Group gap="sm" wrap="nowrap">
      <UnitSelect
        levels={['community_committee', 'branch', 'group']}
        value={p.get('org')}
        onChange={(org) => setParams(route, { org })}
        placeholder={pm.unit.scopePlaceholder}
        clearable
        w={300}
      />
      <Select
        aria-label={pm.list.type}
        placeholder={pm.list.allTypes}
        data={options(meetingTypes)}
        value={p.get('type')}
        onChange={(type) => setParams(route, { type })}
        clearable
        w={150}
      />
      {/* Typed as clerks write dates (2026.7.1) or picked; either end alone narrows the list. */}
      <FilterDate label={pm.list.from} value={p.get('from')} onChange={(from) => setParams(route, { from })} />
      <FilterDate label={pm.list.to} value={p.get('to')} onChange={(to) => setParams(route, { to })} />
    </Group>
  );
}
