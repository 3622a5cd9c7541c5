import { Group, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { meetingTypes } from '../../../../main/api/party/labels';
import { setParams, type Route } from '../../app/router';
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
      <DatePickerInput
        type="range"
        aria-label={pm.list.dateRange}
        placeholder={pm.list.dateRangePlaceholder}
        valueFormat="YYYY-MM-DD"
        value={[p.get('from'), p.get('to')]}
        onChange={([from, to]) => {
          // A half-chosen range waits for its end before it filters.
          if ((from && to) || (!from && !to)) setParams(route, { from, to });
        }}
        clearable
        w={240}
      />
    </Group>
  );
}
