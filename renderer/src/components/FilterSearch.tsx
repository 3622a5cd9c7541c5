import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';

/**
 * A search box above a list: what is typed shows at once, and reaches the page (which keeps it in the address as
 * `q`) a quarter second after the last key, so a list is not re-read on every keystroke.
 */
export function FilterSearch({ label, value, onChange, w = 200 }: { label: string; value: string; onChange: (v: string | null) => void; w?: number }) {
  const [text, setText] = useState(value);
  const commit = useDebouncedCallback((v: string) => onChange(v.trim() || null), 250);
  return (
    <TextInput aria-label={label} placeholder={label} leftSection={<IconSearch size={16} />} w={w} value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        commit(e.currentTarget.value);
      }} />
  );
}
