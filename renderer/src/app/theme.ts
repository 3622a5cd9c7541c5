import { createTheme, darken, luminance, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A restrained party red, used for primary actions and the active navigation only.
const partyRed: MantineColorsTuple = [
  '#fdeceb', '#f8d6d3', '#eeaaa4', '#e57c72', '#dd5548', '#d93d2f', '#c8102e', '#b30e29', '#9f0b23', '#8a071c',
];

export const FONT_STACK =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Noto Sans SC", system-ui, sans-serif';

export const theme = createTheme({
  primaryColor: 'partyRed',
  primaryShade: 6,
  colors: { partyRed },
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK, fontWeight: '600' },
  defaultRadius: 'sm',
  fontSizes: { xs: '12px', sm: '13px', md: '14px', lg: '16px', xl: '18px' },
  components: {
    TextInput: { defaultProps: { size: 'sm' } },
    Select: { defaultProps: { size: 'sm', allowDeselect: false, checkIconPosition: 'right' } },
    Button: { defaultProps: { size: 'sm' } },
  },
});

/** WCAG's minimum for body-size text; hints, badges and table figures here are 11–13 px. */
const READABLE = 4.5;

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** The colour darkened in small steps until it reads on `background`; unchanged if it already does. */
export function readableOn(color: string, background: string): string {
  let c = color;
  for (let k = 0.05; contrast(c, background) < READABLE && k <= 1; k += 0.05) c = darken(color, k);
  return c;
}

/**
 * Mantine's defaults fail WCAG's 4.5:1 where a clerk reads all day (axe flagged every page): dimmed text is gray.6
 * (3.3:1 on white), a filled red badge is white on red.6 (3.3:1), a light badge's text is shade 9 on shade 1 (orange
 * 2.7:1, green 3.8:1), a picker's placeholder gray.5 (2.1:1). Dimmed becomes gray.7 (7.5:1); placeholders and every colour's filled and light-variant text are darkened just
 * enough to reach 4.5:1, so a badge keeps its hue and no call site has to pick shades.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Pickers show their placeholder as text (axe checks it, unlike an input's): the lightest grey that reads.
    '--mantine-color-placeholder': readableOn(t.colors.gray[5], '#ffffff'),
  };
  for (const [name, shades] of Object.entries(t.colors)) {
    const filled = readableOn(shades[theme.primaryShade as number]!, '#ffffff');
    light[`--mantine-color-${name}-filled`] = filled;
    light[`--mantine-color-${name}-text`] = filled;
    light[`--mantine-color-${name}-light-color`] = readableOn(shades[9]!, shades[1]!);
  }
  return { variables: {}, light, dark: {} };
};
