/** Where the build records what each first load carries (tested by first-load.e2e-spec.ts). */
export const FIRST_LOAD_REPORT = '.vite/first-load.json';

/** One first load: the files a browser fetches for it, their modules and their size. */
export interface FirstLoadFiles {
  files: string[];
  /** Stylesheets those files import (antd's rules beyond the first screens'), beyond index.html's. */
  stylesheets: string[];
  /** Source modules in those files, relative to the repository (node_modules/… for packages). */
  modules: string[];
  gzipBytes: number;
}

export interface FirstLoadReport {
  /** What every page loads: index.html's entry and everything it imports (the shell). */
  signIn: FirstLoadFiles;
  /** The sign-in form, which the sign-in page adds (preloaded with the shell), beyond those files. */
  signInPage: FirstLoadFiles;
  /** Per landing page, the files it needs beyond the sign-in page's. */
  routes: Record<string, FirstLoadFiles>;
  /** The task table a wide screen adds to a home (a phone never loads it), beyond the sign-in page's files. */
  wide: FirstLoadFiles;
}
