import type { CSSProperties } from 'react';

/** Meeting mode is read across a table: every size token one step up, so nothing is smaller than 16 px. */
export const LARGE_TYPE = {
  '--mantine-font-size-xs': '16px',
  '--mantine-font-size-sm': '18px',
  '--mantine-font-size-md': '20px',
  '--mantine-font-size-lg': '22px',
  '--mantine-font-size-xl': '26px',
} as CSSProperties;
