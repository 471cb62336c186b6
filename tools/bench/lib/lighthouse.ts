// Lighthouse (the npm package) on Debian's Chromium: the performance category of one page, with its
// mobile preset (simulated slow 4G, 4× CPU slowdown, a phone's screen) or its desktop preset.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { chromium, type Cookie } from 'playwright-core';
import { chromiumPath } from '../../lib/browser-setup.mjs';

export type LighthousePreset = 'mobile' | 'desktop';

export interface LighthouseFigures {
  /** The performance score, 0–100. */
  score: number;
  fcpMs: number;
  lcpMs: number;
  /** Total blocking time. */
  tbtMs: number;
  /** Every response's bytes as transferred. */
  bytes: number;
}

/** One Lighthouse run on a fresh Chromium; `cookies` sign the page's visitor in first. */
export async function runLighthouse(
  url: string,
  preset: LighthousePreset,
  cookies: Cookie[] = [],
): Promise<LighthouseFigures> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    logLevel: 'silent',
  });
  try {
    if (cookies.length) {
      // Lighthouse keeps cookies between its runs (it clears caches and storage, not cookies).
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
      await browser.contexts()[0].addCookies(cookies);
      await browser.close();
    }
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const { categories, audits, runtimeError } = result.lhr;
    if (runtimeError) throw new Error(`Lighthouse on ${url}: ${runtimeError.code} ${runtimeError.message}`);
    const value = (audit: string) => audits[audit]?.numericValue ?? NaN;
    return {
      score: Math.round((categories.performance.score ?? 0) * 100),
      fcpMs: value('first-contentful-paint'),
      lcpMs: value('largest-contentful-paint'),
      tbtMs: value('total-blocking-time'),
      bytes: value('total-byte-weight'),
    };
  } finally {
    chrome.kill();
  }
}
