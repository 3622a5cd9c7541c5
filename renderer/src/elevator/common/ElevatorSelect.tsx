import { MultiSelect, Select } from '@mantine/core';
import { useApiQuery } from '../../api/queries';
import { elev } from '../../i18n/elevator';
import { placeOf } from './placeOf';

/** The elevators to choose from, by place and 注册代码: every one, an estate's, or one building's. */
function useElevatorOptions(estateId: string | null = null, buildingId: string | null = null) {
  // The API's page maximum; a street keeps a few hundred elevators at most in one list to pick from.
  const list = useApiQuery('elevator.listElevators', { estateId, buildingId, limit: 500 });
  return (list.data?.rows ?? []).map((e) => ({ value: e.id, label: `${placeOf(e)} · ${e.regCode}` }));
}

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
  const data = useElevatorOptions();
  return (
    <Select {...props} aria-label={props.label ?? elev.pick.label} placeholder={elev.pick.placeholder} data={data}
      searchable nothingFoundMessage={elev.pick.none} comboboxProps={{ withinPortal: true }} maxDropdownHeight={320} />
  );
}

/** Several elevators of one estate or building (a fund entry's account's): the same options, searchable, none chosen allowed. */
export function ElevatorsSelect(props: {
  estateId: string;
  buildingId: string | null;
  value: string[];
  onChange: (ids: string[]) => void;
  label: string;
  description?: string;
  error?: string;
}) {
  const { estateId, buildingId, ...rest } = props;
  const data = useElevatorOptions(estateId, buildingId);
  return (
    <MultiSelect {...rest} data={data} searchable clearable placeholder={props.value.length ? undefined : elev.pick.several}
      nothingFoundMessage={data.length ? elev.pick.none : elev.pick.noneInEstate} comboboxProps={{ withinPortal: true }} maxDropdownHeight={280} />
  );
}
