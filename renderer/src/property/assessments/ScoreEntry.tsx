import { Badge, CloseButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { permilleText } from '../../../../main/api/common/rates';
import { pa } from '../../i18n/property-assessments';
import type { TemplateItemRow } from '../types';
import { DecimalInput } from './DecimalInput';

const s = pa.sheet;

export interface EntryDraft {
  itemId: string;
  met: boolean | null;
  findings: string[];
  ratePermille: number | null;
  vetoed: boolean;
  vetoNote: string | null;
}

/** The next entry field of the sheet, in reading order: typing 1 or 0 moves on by itself. */
function focusNextEntry(from: HTMLElement) {
  const all = Array.from(document.querySelectorAll<HTMLElement>('[data-entry]'));
  all[all.indexOf(from) + 1]?.focus();
}

/**
 * The one field an item needs, by its method: 1/0 for binary, findings typed one per Enter for a deduction (an
 * empty Enter moves on), the rate for a band, the reason for a veto (empty: none).
 */
export function ScoreEntry({ item, value, onChange, error, seq, registerRate = null }: {
  item: TemplateItemRow;
  value: EntryDraft;
  /** For a band item, the estate's rate in the register for the period: said beside the field, whatever is typed. */
  registerRate?: number | null;
  onChange: (patch: Partial<EntryDraft>) => void;
  error?: string;
  seq: number;
}) {
  const label = `${s.columns.entry} ${seq}`;
  switch (item.method) {
    case 'binary': {
      const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
        const met = e.key === '1' || e.key.toLowerCase() === 'y' ? true : e.key === '0' || e.key.toLowerCase() === 'n' ? false : null;
        if (met === null) return;
        e.preventDefault();
        onChange({ met });
        focusNextEntry(e.currentTarget);
      };
      return (
        <Group gap={6} wrap="nowrap">
          <TextInput data-entry size="xs" w={56} aria-label={label} placeholder={s.binaryPlaceholder} title={s.binaryHelp} error={error}
            value={value.met === null ? '' : value.met ? '1' : '0'} onKeyDown={onKey} onChange={() => undefined} />
          {value.met !== null && <Badge size="sm" variant="light" color={value.met ? 'green' : 'red'}>{value.met ? s.met : s.notMet}</Badge>}
        </Group>
      );
    }
    case 'deduction':
      return <Findings value={value.findings} onChange={(findings) => onChange({ findings })} label={label} />;
    case 'band':
      return (
        <Group gap={6} wrap="nowrap">
          <DecimalInput data-entry size="xs" w={96} aria-label={label} placeholder={s.ratePlaceholder} suffix="%" max={100} error={error}
            value={value.ratePermille} onChange={(ratePermille) => onChange({ ratePermille })} />
          {registerRate !== null && <Text size="xs" c={registerRate === value.ratePermille ? 'dimmed' : 'orange.9'}>{s.registerRate(permilleText(registerRate))}</Text>}
        </Group>
      );
    case 'veto':
      return (
        <TextInput data-entry size="xs" aria-label={label} placeholder={s.vetoPlaceholder} error={error} value={value.vetoNote ?? ''} maxLength={300}
          onChange={(e) => onChange({ vetoNote: e.currentTarget.value || null, vetoed: e.currentTarget.value.trim() !== '' })} />
      );
  }
}

function Findings({ value, onChange, label }: { value: string[]; onChange: (v: string[]) => void; label: string }) {
  const [typed, setTyped] = useState('');
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || !typed.trim()) return; // empty Enter: the drawer moves on
    e.preventDefault();
    e.stopPropagation();
    onChange([...value, typed.trim()]);
    setTyped('');
  };
  return (
    <Stack gap={4}>
      <TextInput data-entry size="xs" aria-label={label} placeholder={s.findingPlaceholder} value={typed} maxLength={200}
        onChange={(e) => setTyped(e.currentTarget.value)} onKeyDown={onKey} />
      {value.length > 0 && (
        <Stack gap={2} component="ol" m={0} pl={18}>
          {value.map((note, i) => (
            <Text component="li" size="xs" key={`${i}-${note}`}>
              <Group gap={2} wrap="nowrap" component="span">
                <span>{note}</span>
                <CloseButton size="xs" aria-label={s.findingRemove(note)} onClick={() => onChange(value.filter((_, j) => j !== i))} />
              </Group>
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
