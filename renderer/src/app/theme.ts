import { createTheme, type MantineColorsTuple } from '@mantine/core';

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
