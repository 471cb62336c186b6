// The harness's verdict per scenario and the table it prints.
import type { Figures } from './figures.js';
import type { Check } from './scenarios.js';

export interface ScenarioResult {
  name: string;
  title: string;
  figures: Figures | null;
  checks: Check[];
  notes: string[];
  error: string | null;
  seconds: number;
}

/** Passes when it ran to the end, every check held, nothing acknowledged was lost or duplicated, no API process exited, readyz was honest and writes recovered in time. */
export function scenarioVerdict(r: ScenarioResult, recoveryLimit: number): { pass: boolean; reasons: string[] } {
  const reasons: string[] = [];
  if (r.error) reasons.push(r.error.split('\n')[0]);
  const f = r.figures;
  if (!f) reasons.push('no figures (the load never ran)');
  else {
    if (f.lost) reasons.push(`${f.lost} acknowledged write(s) lost`);
    if (f.duplicated) reasons.push(`${f.duplicated} write(s) duplicated`);
    if (f.exits) reasons.push(`${f.exits} API process exit(s)`);
    if (f.dishonestSeconds) reasons.push(`/readyz dishonest for ${f.dishonestSeconds} s`);
    if (f.recoverySeconds === null) reasons.push('writes did not recover');
    else if (f.recoverySeconds > recoveryLimit)
      reasons.push(`writes recovered after ${f.recoverySeconds.toFixed(0)} s (limit ${recoveryLimit} s)`);
    if (f.acknowledged === 0) reasons.push('no write acknowledged');
  }
  for (const c of r.checks) if (!c.ok) reasons.push(`${c.name}: no${c.detail ? ` (${c.detail})` : ''}`);
  return { pass: reasons.length === 0, reasons };
}

const COLUMNS = ['scenario', 'acked', 'lost', 'dup', 'failed', 'recovery s', 'exits', 'readyz dishonest s', 'result'];

export function formatTable(results: ScenarioResult[], recoveryLimit: number): string {
  const rows = results.map((r) => {
    const f = r.figures;
    const verdict = scenarioVerdict(r, recoveryLimit);
    const cell = (v: number | undefined) => (f ? String(v) : '–');
    return [
      r.name,
      cell(f?.acknowledged),
      cell(f?.lost),
      cell(f?.duplicated),
      cell(f?.failed),
      f ? (f.recoverySeconds === null ? 'never' : f.recoverySeconds.toFixed(1)) : '–',
      cell(f?.exits),
      cell(f?.dishonestSeconds),
      verdict.pass ? 'pass' : 'FAIL',
    ];
  });
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const out = [line(COLUMNS), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line), ''];
  for (const r of results) {
    const verdict = scenarioVerdict(r, recoveryLimit);
    out.push(
      `${r.name} — ${r.title} (${r.seconds.toFixed(0)} s)${verdict.pass ? '' : `: ${verdict.reasons.join('; ')}`}`,
    );
    for (const c of r.checks) out.push(`  ${c.ok ? '✓' : '✗'} ${c.name}${c.detail ? ` (${c.detail})` : ''}`);
    for (const n of r.notes) out.push(`  · ${n}`);
  }
  return out.join('\n');
}
