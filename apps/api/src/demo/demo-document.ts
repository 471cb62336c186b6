import type { IsoDate } from '@duban/domain';

const ITEM = /^\d+\./;
const ANNOTATION = /[（(〔]牵头单位.*$/;
const NOTICE_YEAR = /2021/g;

export interface DocumentOptions {
  year: number;
  /** Each item's time limit, in document order; the item states it as the office would write it. */
  dueDates: IsoDate[];
  /** Keep only the first n items (with their section headings). */
  items?: number;
  /** Replaces the i-th item's unit annotation. */
  annotation?: (i: number) => string;
}

/**
 * The Liaoning key points rewritten as another year's document: the year changed, each item given a
 * dated time limit (`5月20日前完成`) that the importer reads like any other, optionally fewer items
 * with other units. The demo's plans are imported from this text, as an office would import a file.
 */
export function demoDocument(source: string, options: DocumentOptions): string {
  const out: string[] = [];
  let item = -1;
  for (const line of source.replace(NOTICE_YEAR, String(options.year)).split('\n')) {
    if (ITEM.test(line)) item += 1;
    if (options.items != null && item >= options.items) continue;
    if (!ITEM.test(line)) {
      out.push(line);
      continue;
    }
    const annotation = ANNOTATION.exec(line)?.[0] ?? '';
    const body = line.slice(0, line.length - annotation.length);
    out.push(
      `${body}${timeLimit(options.dueDates[item], options.year)}${options.annotation ? options.annotation(item) : annotation}`,
    );
  }
  return out.join('\n');
}

function timeLimit(due: IsoDate, year: number): string {
  const [y, m, d] = due.split('-').map(Number);
  return `${y === year ? '' : `${y}年`}${m}月${d}日前完成。`;
}
