import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let source: Promise<string> | null = null;

export interface AxeViolation {
  id: string;
  help: string;
  nodes: number;
  targets: string[];
}

/** WCAG 2.1 A and AA, as the audit ran them. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's violations on the page as it is now. The engine is evaluated in the page through the
 * DevTools protocol (the app's content-security policy forbids injected script tags, rightly).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // A page moved inside the app keeps its window and the engine in it: evaluating its half megabyte of
  // script again on every audit cost the renderer 0.1–0.8 s each time, for nothing.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await source);
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  }, TAGS);
}

/** Fails with the rules broken, how often, and where (first few elements), naming the page. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length) {
    const lines = violations.map((v) => `  ${v.id} (${v.nodes}): ${v.help}\n    ${v.targets.join('\n    ')}`);
    throw new Error(`axe WCAG 2.1 AA violations on ${name}:\n${lines.join('\n')}`);
  }
}
