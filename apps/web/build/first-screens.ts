import { PHONE_QUERY } from '../src/modules/common/hooks/use-phone.ts';

const FONT =
  "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,'Noto Sans',sans-serif,'Apple Color Emoji','Segoe UI Emoji','Segoe UI Symbol','Noto Color Emoji'";
// The theme's colours (theme.ts) as antd derives them: the app's own look, before antd is there.
const PRIMARY = '#b71c1c';
const TEXT = 'rgba(0,0,0,0.88)';
const SECONDARY = 'rgba(0,0,0,0.65)';
const BORDER = '#d9d9d9';
const PHONE = PHONE_QUERY.replace(/\s/g, ' ');

/**
 * Where the API draws the liaison's first task cards into the frame, for a unit's session opening
 * /unit (apps/api/src/common/first-screen-tasks.ts, which names the same comment): real links, usable
 * before the app's code has arrived; the app keeps them on screen until its own list is drawn
 * (src/app/first-screen-list.ts).
 */
export const FIRST_TASKS_MARKER = '<!--duban:first-tasks-->';

/**
 * What a page shows before the app's code has run: on a phone over Fast 3G the code takes ≈ 3.5 s to
 * arrive and ≈ 2 s more to run, and until this existed the screen stayed white for all of it.
 *
 * Plain HTML with literal styles (no antd classes): antd's stylesheet reads its tokens from CSS variables
 * that only the app writes, so antd markup would show unstyled here. Nothing in these screens depends on
 * who is signed in (no tenant, unit or task): the server picks one by address and by whether a session
 * cookie came (apps/api/src/common/web-index.ts), without reading the session. `inert` because nothing
 * here works yet: a field typed into now would be dropped when React draws the real one (the frame's
 * own parts are; the liaison's task cards the server may add are links and work at once). React's first
 * render replaces the whole of #root, so these elements never mix with the app's.
 */
export const FIRST_SCREENS = {
  /** The sign-in card as login-page.tsx draws it (its sizes as written there), its fields not yet usable. */
  'sign-in': signInScreen(),
  /**
   * The signed-in frame (app-layout.tsx): the dark menu on a wide screen, the header with the menu button
   * on a phone (88 px there: antd's header is twice the control height, which the phone theme raises to 44).
   */
  frame: frameScreen(),
} as const;

export type FirstScreenName = keyof typeof FIRST_SCREENS;

/** The file the build writes for each screen beside index.html, and the API reads at start. */
export const firstScreenFile = (name: FirstScreenName) => `index.${name}.html`;

function signInScreen() {
  const field = (label: string) =>
    `<div class="fs-field"><div class="fs-label">${label}</div><div class="fs-input"></div></div>`;
  return `<main data-first-screen="sign-in" inert style="min-height:100vh;display:grid;place-items:center;background:#f5f5f5;padding:16px;box-sizing:border-box;font-family:${FONT};font-size:14px">
<style>.fs-field{margin-bottom:24px;line-height:1.5714}.fs-label{padding-bottom:8px;color:${TEXT}}.fs-input{height:32px;box-sizing:border-box;border:1px solid ${BORDER};border-radius:4px;background:#fff}.fs-submit{height:32px;border-radius:4px;background:${PRIMARY};color:#fff;display:flex;align-items:center;justify-content:center;line-height:1.5714}@media ${PHONE}{.fs-input,.fs-submit{height:44px}}</style>
<section style="width:380px;max-width:100%;padding:24px;box-sizing:border-box;background:#fff;border-radius:8px;box-shadow:0 1px 2px 0 rgba(0,0,0,0.03),0 1px 6px -1px rgba(0,0,0,0.02),0 2px 4px 0 rgba(0,0,0,0.02)">
<h1 style="text-align:center;margin:0 0 4px;font-size:24px;font-weight:600;color:${TEXT}">政务公开工作要点督办系统</h1>
<p style="text-align:center;color:${SECONDARY};margin:0 0 16px">请使用本单位账号登录</p>
${field('机构代码')}${field('用户名')}${field('密码')}<div class="fs-submit">登录</div>
</section></main>`;
}

function frameScreen() {
  // antd's MenuOutlined, drawn where the phone's menu button will be.
  const menuIcon = `<svg viewBox="64 64 896 896" width="16" height="16" fill="${TEXT}" aria-hidden="true"><path d="M904 160H120c-4.4 0-8 3.6-8 8v64c0 4.4 3.6 8 8 8h784c4.4 0 8-3.6 8-8v-64c0-4.4-3.6-8-8-8zm0 624H120c-4.4 0-8 3.6-8 8v64c0 4.4 3.6 8 8 8h784c4.4 0 8-3.6 8-8v-64c0-4.4-3.6-8-8-8zm0-312H120c-4.4 0-8 3.6-8 8v64c0 4.4 3.6 8 8 8h784c4.4 0 8-3.6 8-8v-64c0-4.4-3.6-8-8-8z"/></svg>`;
  return `<div data-first-screen="frame" style="min-height:100vh;display:flex;background:#f5f5f5;font-family:${FONT};font-size:14px">
<style>.fs-sider{width:200px;flex:0 0 200px;background:#001529}.fs-logo{height:56px;line-height:56px;color:#fff;font-size:18px;font-weight:600;text-align:center;letter-spacing:4px}.fs-header{height:64px;background:#fff;border-bottom:1px solid #f0f0f0;box-sizing:border-box;padding:0 24px;display:flex;align-items:center}.fs-menu{display:none;width:48px;height:48px;align-items:center;justify-content:center}@media (max-width: 991px){.fs-sider{width:64px;flex-basis:64px}.fs-logo{visibility:hidden}}@media ${PHONE}{.fs-sider{display:none}.fs-header{height:88px;padding:0 4px 0 0}.fs-menu{display:flex}}</style>
<div class="fs-sider" inert><div class="fs-logo">督办</div></div>
<div style="flex:1;min-width:0"><div class="fs-header" inert><div class="fs-menu">${menuIcon}</div></div>${FIRST_TASKS_MARKER}</div>
</div>`;
}
