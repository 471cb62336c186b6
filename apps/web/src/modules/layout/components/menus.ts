import { lazyWithPreload } from '../../common/utils/lazy-with-preload';
import type { NavMenuProps } from './nav-menu';

// The menus' code (antd's Menu with its overflow handling, the phone's Drawer) apart from the frame's: a
// phone draws only the header and a menu button until the menu is opened, and should not wait for them.

/** The role's menu in a wide screen's sider; the first-load script preloads it on a wide screen. */
export const NavMenu = lazyWithPreload<NavMenuProps>(() =>
  import('./nav-menu').then((module) => ({ default: module.NavMenu })),
);

/** A phone's menu drawer, loaded when the browser is idle after the first page, or when it is opened. */
export const PhoneMenu = lazyWithPreload(() => import('./phone-menu'));
