import { scanHtml, toHalfWidth, type ScannedPage } from './page-html.js';

/** Meta tags that carry the publication time on government sites (the national site standard) and news CMSs. */
const DATE_METAS = [
  'pubdate',
  'firstpublishedtime',
  'publishdate',
  'publish_date',
  'article:published_time',
  'datepublished',
  'dc.date.issued',
  'dc.date',
];

// A date as pages write it: 2021-06-15, 2021/6/15, 2021.06.15, 2021年6月15日 (the day's 日 optional).
const DATE = String.raw`((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)`;
const SEPARATOR = String.raw`\s*[:：]?\s*`;

/**
 * Labels in the order they are trusted. The publication labels win over the generic "时间/日期" of an
 * article's info line (来源：… 日期：…), which wins over the document's own date (成文日期): a notice
 * written in May and published in July was published in July.
 */
const LABELS: RegExp[] = [
  new RegExp(String.raw`(?:发布|公开|发表|上网|刊发|公布)(?:时间|日期)${SEPARATOR}${DATE}`),
  // Not preceded by another Chinese character, so 成文日期, 截止日期 and 更新时间 do not count as a bare label.
  new RegExp(String.raw`(?<![\u4e00-\u9fff])(?:时间|日期)${SEPARATOR}${DATE}`),
  new RegExp(String.raw`(?:成文|发文|印发)(?:时间|日期)${SEPARATOR}${DATE}`),
];

export function toIsoDate(year: string, month: string, day: string): string | null {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function firstDate(text: string, pattern: RegExp): string | null {
  const global = new RegExp(pattern.source, 'g');
  for (const match of text.matchAll(global)) {
    const [year, month, day] = match.slice(-3);
    const iso = toIsoDate(year, month, day);
    if (iso) return iso;
  }
  return null;
}

/**
 * The date a page says it was published, as YYYY-MM-DD, or null when it states none. Only labelled dates
 * count: a bare date in the body or the footer's copyright year says nothing about publication.
 */
export function publicationDateOf(page: ScannedPage): string | null {
  const metas = page.metas;
  for (const name of DATE_METAS) {
    const content = metas.get(name);
    const found = content ? firstDate(toHalfWidth(content), new RegExp(DATE)) : null;
    if (found) return found;
  }
  for (const label of LABELS) {
    const found = firstDate(page.text, label);
    if (found) return found;
  }
  return null;
}

export function extractPublicationDate(html: string): string | null {
  return publicationDateOf(scanHtml(html));
}
