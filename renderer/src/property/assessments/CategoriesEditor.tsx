import { ActionIcon, Box, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { z } from 'zod';
import type { TemplateInput } from '../../../../main/api/property/assessment-schemas';
import { rateKinds, scoringMethods } from '../../../../main/api/property/labels';
import { options } from '../../components/fields';
import { pa } from '../../i18n/property-assessments';
import { DecimalInput } from './DecimalInput';

const t = pa.template;

export type CategoryDraft = z.input<typeof TemplateInput>['categories'][number];
type ItemDraft = CategoryDraft['items'][number];

const blankItem = (): ItemDraft => ({ content: '', method: 'binary', pointsTenths: 0 });

/**
 * A sheet's categories and their items, edited in place: content, method, standard points and the facts of the
 * method (points off a finding; a band's two lines and the partial points; none for a veto). Errors come from
 * the API's schema by path (`categories.0.items.1.perFindingTenths`).
 */
export function CategoriesEditor({ value, onChange, errors, readOnly }: {
  value: CategoryDraft[];
  onChange: (v: CategoryDraft[]) => void;
  errors: Record<string, string>;
  readOnly: boolean;
}) {
  const setCategory = (ci: number, patch: Partial<CategoryDraft>) => onChange(value.map((c, j) => (j === ci ? { ...c, ...patch } : c)));
  const setItem = (ci: number, ii: number, patch: Partial<ItemDraft>) =>
    setCategory(ci, { items: value[ci]!.items.map((x, j) => (j === ii ? { ...x, ...patch } : x)) });
  let seq = 0;

  return (
    <Stack gap="sm">
      {value.map((c, ci) => {
        const path = `categories.${ci}`;
        return (
          <Paper key={ci} withBorder p="xs" data-testid="template-category">
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <TextInput size="xs" style={{ flex: 1 }} aria-label={`${t.categoryName} ${ci + 1}`} placeholder={t.categoryName} value={c.name}
                error={errors[`${path}.name`]} disabled={readOnly} onChange={(e) => setCategory(ci, { name: e.currentTarget.value })} />
              <DecimalInput size="xs" w={90} aria-label={`${t.categoryPoints} ${ci + 1}`} placeholder={t.categoryPoints} value={c.pointsTenths}
                error={errors[`${path}.pointsTenths`]} disabled={readOnly} onChange={(v) => setCategory(ci, { pointsTenths: v ?? 0 })} />
              {!readOnly && (
                <ActionIcon variant="subtle" color="gray" aria-label={t.removeCategory(c.name)} onClick={() => onChange(value.filter((_, j) => j !== ci))}>
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
            {errors[`${path}.items`] && <Text size="xs" c="red" mt={4}>{errors[`${path}.items`]}</Text>}
            <Stack gap={4} mt="xs">
              {c.items.map((item, ii) => {
                seq++;
                const p = `${path}.items.${ii}`;
                const label = (what: string) => `${what} ${seq}`;
                return (
                  <Group key={ii} gap={6} wrap="nowrap" align="flex-start" data-testid="template-item">
                    <Text size="sm" w={24} pt={4} ta="right" c="dimmed">{seq}</Text>
                    <TextInput size="xs" style={{ flex: 1, minWidth: 180 }} aria-label={label(t.item)} placeholder={t.itemPlaceholder} value={item.content}
                      error={errors[`${p}.content`]} disabled={readOnly} onChange={(e) => setItem(ci, ii, { content: e.currentTarget.value })} />
                    <Select size="xs" w={112} aria-label={label(t.method)} data={options(scoringMethods)} value={item.method} allowDeselect={false}
                      disabled={readOnly} comboboxProps={{ withinPortal: true }} onChange={(m) => m && setItem(ci, ii, { method: m as ItemDraft['method'] })} />
                    {item.method !== 'veto' && (
                      <DecimalInput size="xs" w={70} aria-label={label(t.points)} placeholder={t.points} value={item.pointsTenths}
                        error={errors[`${p}.pointsTenths`]} disabled={readOnly} onChange={(v) => setItem(ci, ii, { pointsTenths: v ?? 0 })} />
                    )}
                    {item.method === 'deduction' && (
                      <DecimalInput size="xs" w={70} aria-label={label(t.perFinding)} placeholder={t.perFinding} value={item.perFindingTenths}
                        error={errors[`${p}.perFindingTenths`]} disabled={readOnly} onChange={(v) => setItem(ci, ii, { perFindingTenths: v })} />
                    )}
                    {item.method === 'band' && (
                      <BandFields item={item} path={p} label={label} errors={errors} readOnly={readOnly} onChange={(patch) => setItem(ci, ii, patch)} />
                    )}
                    {!readOnly && (
                      <ActionIcon variant="subtle" color="gray" aria-label={t.removeItem(seq)} onClick={() => setCategory(ci, { items: c.items.filter((_, j) => j !== ii) })}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Group>
                );
              })}
              {!readOnly && (
                <Box pl={30}>
                  <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => setCategory(ci, { items: [...c.items, blankItem()] })}>
                    {t.addItem}
                  </Button>
                </Box>
              )}
            </Stack>
          </Paper>
        );
      })}
      {!readOnly && (
        <Group>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => onChange([...value, { name: '', pointsTenths: 0, items: [blankItem()] }])}>
            {t.addCategory}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function BandFields({ item, path, label, errors, readOnly, onChange }: {
  item: ItemDraft;
  path: string;
  label: (what: string) => string;
  errors: Record<string, string>;
  readOnly: boolean;
  onChange: (patch: Partial<ItemDraft>) => void;
}) {
  return (
    <>
      <Select size="xs" w={116} aria-label={label(t.rateKind)} placeholder={t.rateKind} data={options(rateKinds)} value={item.rateKind ?? null}
        error={errors[`${path}.rateKind`]} disabled={readOnly} comboboxProps={{ withinPortal: true }}
        onChange={(k) => onChange({ rateKind: k as ItemDraft['rateKind'] })} />
      <DecimalInput size="xs" w={74} aria-label={label(t.bandFull)} placeholder={t.bandFull} value={item.bandFullPermille} max={100}
        error={errors[`${path}.bandFullPermille`]} disabled={readOnly} onChange={(v) => onChange({ bandFullPermille: v })} />
      <DecimalInput size="xs" w={74} aria-label={label(t.bandPart)} placeholder={t.bandPart} value={item.bandPartPermille} max={100}
        error={errors[`${path}.bandPartPermille`]} disabled={readOnly} onChange={(v) => onChange({ bandPartPermille: v })} />
      <DecimalInput size="xs" w={70} aria-label={label(t.bandPartPoints)} placeholder={t.bandPartPoints} value={item.bandPartTenths}
        error={errors[`${path}.bandPartTenths`]} disabled={readOnly} onChange={(v) => onChange({ bandPartTenths: v })} />
    </>
  );
}
