import { Select } from '@mantine/core';
import { useApiQuery } from '../../api/queries';
import { elev } from '../../i18n/elevator';
import { placeOf } from './placeOf';

/** The one way to choose an elevator: by place or 注册代码, searchable. */
export function ElevatorSelect(props: {
  value: string | null;
  onChange: (id: string | null) => void;
  label?: string;
  error?: string;
  onBlur?: () => void;
  required?: boolean;
  autoFocus?: boolean;
  w?: number | string;
}) {
  // The API's page maximum; a street keeps a few hundred elevators at most in one list to pick from.
  const list = useApiQuery('elevator.listElevators', { limit: 500 });
  const data = (list.data?.rows ?? []).map((e) => ({ value: e.id, label: `${placeOf(e)} · ${e.regCode}` }));
  return (
    <Select {...props} aria-label={props.label ?? elev.pick.label} placeholder={elev.pick.placeholder} data={data}
      searchable nothingFoundMessage={elev.pick.none} comboboxProps={{ withinPortal: true }} maxDropdownHeight={320} />
  );
}
