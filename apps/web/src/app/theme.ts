import type { ThemeConfig } from 'antd';

/**
 * Colours with at least 4.5:1 against white (WCAG 2.1 AA for normal text), also as the base of antd's
 * palettes: a preset Tag prints colour-7 on colour-1 and a solid one white on colour-6, so seeding the
 * palettes with these keeps every tag, status and light readable. Charts use them too, so a colour
 * means the same everywhere.
 */
export const palette = {
  red: '#c62828',
  green: '#2e7d32',
  gold: '#8a6100',
  blue: '#1565c0',
  purple: '#6a1b9a',
  orange: '#b34700',
  cyan: '#00707a',
  magenta: '#ad1457',
  volcano: '#bf360c',
  geekblue: '#283593',
  lime: '#4a6b00',
} as const;

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    borderRadius: 4,
    fontSize: 14,
    // antd's secondary greys (0.45 alpha) give 3.3:1 on white; these give 5.7:1 or more, also on tinted rows.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorSuccess: palette.green,
    colorWarning: palette.gold,
    colorError: palette.red,
    colorInfo: palette.blue,
    colorLink: palette.blue,
    ...palette,
    yellow: palette.gold,
  },
};
