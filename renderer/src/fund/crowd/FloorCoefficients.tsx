import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { defaultFloorCoefficient } from '../../../../main/api/fund/split';
import { fundIncome } from '../../i18n/fund-income';

const c = fundIncome.crowd;

/** Hundredths as typed: 1.05 → 105; anything else is NaN (shown as the field's error). */
export const coefficientOf = (typed: string): number =>
  /^\d{1,3}(\.\d{1,2})?$/.test(typed.trim()) && Number(typed) <= 100 ? Math.round(Number(typed) * 100) : NaN;

export const showHundredths = (hundredths: number): string => (hundredths / 100).toFixed(2);

/** The coefficient typed for each floor, defaulting to the draft table (split.ts defaultFloorCoefficient). */
export const typedCoefficient = (typed: Record<number, string>, floor: number): string => typed[floor] ?? showHundredths(defaultFloorCoefficient(floor));

/**
 * 楼层系数: one field per floor the households are on, starting at the default table, which is a draft the clerk
 * checks against the scheme the owners agreed on (docs/fund.md "众筹").
 */
export function FloorCoefficients({ floors, typed, onChange }: { floors: number[]; typed: Record<number, string>; onChange: (next: Record<number, string>) => void }) {
  if (floors.length === 0) return null;
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>{c.coefficients}</Text>
        <Button variant="subtle" size="compact-xs" onClick={() => onChange({})}>{c.resetCoefficients}</Button>
      </Group>
      <Text size="xs" c="dimmed">{c.coefficientsHint}</Text>
      <SimpleGrid cols={6} spacing="xs">
        {floors.map((floor) => {
          const value = typedCoefficient(typed, floor);
          return (
            <TextInput key={floor} size="xs" label={c.floorLabel(floor)} value={value} inputMode="decimal"
              error={Number.isNaN(coefficientOf(value)) ? c.badCoefficient : undefined}
              styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
              onChange={(e) => onChange({ ...typed, [floor]: e.currentTarget.value })} />
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
