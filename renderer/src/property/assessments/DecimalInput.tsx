import { NumberInput } from '@mantine/core';
import type { ComponentProps } from 'react';
import { typedTenths } from '../../../../main/api/volunteer/tenths';

/**
 * Points (7.5) and rates (95.5%) typed with one decimal and kept as integer tenths (75, 955), as the core stores
 * them. A value with more decimals is passed on unrounded, so the API's schema says so instead of it changing.
 */
export function DecimalInput({ value, onChange, ...rest }: Omit<ComponentProps<typeof NumberInput>, 'value' | 'onChange'> & {
  value: number | null | undefined;
  onChange: (tenths: number | null) => void;
}) {
  return (
    <NumberInput
      {...rest}
      hideControls
      decimalScale={1}
      min={0}
      value={typeof value === 'number' ? value / 10 : ''}
      onChange={(v) => onChange(typeof v === 'number' ? typedTenths(v) : null)}
    />
  );
}
