import type { ThemeConfig } from 'antd';

type Tone = { base: string; text: string; bg: string; border: string };

/**
 * Colours that meet WCAG 2.1 AA (4.5:1) wherever antd puts them: a preset Tag prints step 7 (`text`) on
 * step 1 (`bg`), a solid one white on step 6 (`base`). antd derives those steps from one seed, and for a
 * seed dark enough to carry white text its step 1 comes out muddy grey (the audit's failing tags), so all
 * four steps are given here. Charts use `base` too, so a colour means the same everywhere.
 */
const TONES = {
  red: { base: '#c62828', text: '#b71c1c', bg: '#fdecec', border: '#ef9a9a' },
  green: { base: '#2e7d32', text: '#1b5e20', bg: '#eef7ee', border: '#a5d6a7' },
  gold: { base: '#8a6100', text: '#6d4c00', bg: '#fdf6e3', border: '#e6c66b' },
  blue: { base: '#1565c0', text: '#0d47a1', bg: '#e8f1fb', border: '#90bdea' },
  purple: { base: '#6a1b9a', text: '#4a148c', bg: '#f5ecf8', border: '#ce93d8' },
  orange: { base: '#b34700', text: '#8a3600', bg: '#fdf0e6', border: '#f5b787' },
  cyan: { base: '#00707a', text: '#005057', bg: '#e6f4f5', border: '#80cbc4' },
  magenta: { base: '#ad1457', text: '#880e4f', bg: '#fce4ec', border: '#f48fb1' },
  volcano: { base: '#bf360c', text: '#8f2a0a', bg: '#fbe9e7', border: '#ffab91' },
  geekblue: { base: '#283593', text: '#1a237e', bg: '#e8eaf6', border: '#9fa8da' },
  lime: { base: '#4a6b00', text: '#33691e', bg: '#f1f8e9', border: '#c5e1a5' },
} satisfies Record<string, Tone>;

type ToneName = keyof typeof TONES;

/** The base colour of each tone (text-safe on white, white-safe on it). */
export const palette = Object.fromEntries(Object.entries(TONES).map(([name, t]) => [name, t.base])) as Record<
  ToneName,
  string
>;

/** antd's palette tokens (red1 / red-1, red3, red6, red7 …) for every tone; yellow is gold. */
function paletteTokens(): Record<string, string> {
  const tokens: Record<string, string> = {};
  const tones = { ...TONES, yellow: TONES.gold } as Record<string, Tone>;
  for (const [name, t] of Object.entries(tones)) {
    // Both spellings: antd derives `green-1` as well as `green1`, and both become the CSS variable --ant-green-1.
    for (const [step, value] of [
      [1, t.bg],
      [3, t.border],
      [6, t.base],
      [7, t.text],
    ] as const)
      Object.assign(tokens, { [`${name}${step}`]: value, [`${name}-${step}`]: value });
    tokens[name] = t.base;
  }
  return tokens;
}

/** Status colours (success/processing/error/warning tags, alerts, typography) with their light backgrounds. */
function statusTokens(): Record<string, string> {
  const status = { Success: TONES.green, Warning: TONES.gold, Error: TONES.red, Info: TONES.blue };
  const tokens: Record<string, string> = {};
  for (const [name, t] of Object.entries(status))
    Object.assign(tokens, { [`color${name}`]: t.base, [`color${name}Bg`]: t.bg, [`color${name}Border`]: t.border });
  return tokens;
}

export const theme: ThemeConfig = {
  // antd's component styles come from a stylesheet made at build time (build/antd-styles-plugin.ts), not
  // from CSS-in-JS run in the browser: on a phone that was ~1.5 s of main-thread work per page load.
  // Unhashed, so the stylesheet's selectors do not depend on the tokens; the tokens (this theme's and the
  // phone's) still reach the page as CSS variables, which antd writes at run time in this mode too.
  zeroRuntime: true,
  hashed: false,
  token: {
    colorPrimary: '#b71c1c',
    borderRadius: 4,
    fontSize: 14,
    // antd's secondary greys (0.45 alpha) give 3.3:1 on white; these give 5.7:1 or more, also on tinted rows.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorLink: TONES.blue.base,
    ...statusTokens(),
    ...paletteTokens(),
  },
};

/**
 * Laid over `theme` on a phone: controls a fingertip can hit (44 px, Apple's and Android's minimum) and
 * 16 px input text, below which iOS zooms the page in on focus and leaves it zoomed.
 */
export const phoneTheme: ThemeConfig = {
  token: { controlHeight: 44, controlHeightSM: 44, controlHeightLG: 48 },
  components: {
    Input: { inputFontSize: 16 },
    InputNumber: { inputFontSize: 16 },
    DatePicker: { inputFontSize: 16 },
    Select: { fontSize: 16 },
    Menu: { itemHeight: 48 },
  },
};
