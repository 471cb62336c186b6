import type { ThemeConfig } from 'antd';
import { useState } from 'react';
import './reduced-motion.css';

/** The user asked the system for less motion (WCAG 2.3.3 "Animation from Interactions"). */
export const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

/** Whether the preference is set now; false where there is no `matchMedia` (a test DOM without it). */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia?.(REDUCED_MOTION_QUERY).matches;
}

/**
 * `theme` with antd's motion off when `reduced`: the `motion` token makes antd's ConfigProvider hand
 * rc-motion's context `motion: false` (dialogs, drawers, dropdowns and messages appear and leave at once,
 * with no zoom or slide) and sets antd's motion durations to 0 s. antd's stylesheet is made at build time
 * and unhashed (theme.ts), so this changes only the CSS variables antd writes at run time, as the phone's
 * theme does, never a component's rules. The same object when not reduced.
 */
export function withoutMotion(theme: ThemeConfig, reduced: boolean): ThemeConfig {
  return reduced ? { ...theme, token: { ...theme.token, motion: false } } : theme;
}

/**
 * The preference as the app started. Read once rather than followed: antd wraps a provider of its own
 * around the tree the first time the `motion` token turns false, which would mount every page again
 * (closing dialogs, dropping typed text) when the system setting changed under an open page. A change
 * reaches antd's motion at the next load; the stylesheet beside this file cuts CSS animations for the
 * media query at once (transitions are left to antd's durations: see reduced-motion.css).
 */
export function useReducedMotion(): boolean {
  return useState(prefersReducedMotion)[0];
}

/**
 * An ECharts option drawn at once when the user asked for less motion (no bars growing, no morphing on
 * update); unchanged otherwise. Read at each draw, so the current preference counts.
 */
export function withMotionPreference<T extends object>(option: T): T {
  return prefersReducedMotion() ? { ...option, animation: false } : option;
}
