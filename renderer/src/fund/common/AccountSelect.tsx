import { Select } from '@mantine/core';
import { useApiQuery } from '../../api/queries';
import { fund } from '../../i18n/fund';

/** The one way to choose an account on these screens: searchable, labelled "账户名称 · 社区". */
export function AccountSelect({ value, onChange, w = 320 }: { value: string | null; onChange: (id: string | null) => void; w?: number }) {
  const accounts = useApiQuery('fund.listAccounts', {});
  const data = (accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.name} · ${a.communityName}` }));
  return (
    <Select
      aria-label={fund.account.label}
      placeholder={fund.account.pick}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      nothingFoundMessage={fund.account.none}
      w={w}
      comboboxProps={{ width: 'target', withinPortal: true }}
    />
  );
}
