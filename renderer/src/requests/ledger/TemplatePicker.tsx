import { Select } from '@mantine/core';
import { useState } from 'react';
import { urgencies } from '../../../../main/api/requests/labels';
import { useApiQuery } from '../../api/queries';
import { rq } from '../../i18n/requests';
import type { RequestTemplateView } from '../types';

/**
 * The street's 常见事项模板 (设置 → 民呼必应), focused first in 上报: typed by part of the words or their pinyin
 * initials (ldd → 楼道灯不亮), Enter picks the first. An urgent one says so (一般 is the rule, left unsaid). A picker, not a field: it empties again once one is picked.
 */
export function TemplatePicker({ label, placeholder, onPick }: { label: string; placeholder: string; onPick: (t: RequestTemplateView) => void }) {
  const list = useApiQuery('requests.listTemplates', {});
  const usable = (list.data ?? []).filter((t) => t.usable);
  const [search, setSearch] = useState('');
  const data = usable.map((t, i) => ({ value: String(i), label: `${t.content}（${t.categoryLabel}${t.urgency === 'urgent' ? `，${urgencies.urgent}` : ''}）` }));
  return (
    <Select label={label} placeholder={placeholder} data={data} value={null} searchable searchValue={search} onSearchChange={setSearch} autoFocus
      selectFirstOptionOnChange
      nothingFoundMessage={rq.report.noTemplate}
      filter={({ options, search }) => {
        const q = search.trim().toLowerCase();
        return q ? (options as { value: string; label: string }[]).filter((o) => o.label.includes(q) || usable[Number(o.value)]!.initials.startsWith(q)) : options;
      }}
      onChange={(v) => {
        if (v === null) return;
        onPick(usable[Number(v)]!);
        setSearch('');
      }} />
  );
}
