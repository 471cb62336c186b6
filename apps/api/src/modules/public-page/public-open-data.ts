import type { PublicProgress } from './public-progress.js';

/** The CSV's columns, in order: one row per unit of each key point (a key point without units gets one row). */
export const CSV_COLUMNS = [
  '序号',
  '部分',
  '工作要点',
  '要点完成时限',
  '要点状态',
  '要点延期至',
  '要点完成时间',
  '单位',
  '职责',
  '单位完成时限',
  '单位状态',
  '单位延期至',
  '单位完成时间',
  '公开链接',
] as const;

/** Quoted when needed; a cell starting like a formula is prefixed so a spreadsheet shows it as text. */
function cell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** UTF-8 with a byte-order mark and CRLF lines, so Excel opens the Chinese text as is. */
export function publicCsv(p: PublicProgress): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const kp of p.keyPoints) {
    const head = [
      kp.no,
      kp.section,
      `${kp.label}${kp.title}`,
      kp.timeLimit,
      kp.stateLabel,
      kp.delayedTo,
      kp.completedOn,
    ];
    const units = kp.units.length ? kp.units : [null];
    for (const u of units) {
      const rest = u
        ? [u.unit, u.role, u.timeLimit, u.stateLabel, u.delayedTo, u.completedOn, u.links.map((l) => l.url).join(' ')]
        : [null, null, null, null, null, null, null];
      lines.push([...head, ...rest].map(cell).join(','));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function publicJson(p: PublicProgress): string {
  return JSON.stringify(p);
}
