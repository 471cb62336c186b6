import type { PageAnalysis } from './page-analysis.js';
import { fetchPage, type FetchOptions, type FetchStatus } from '../../common/net/safe-fetch.js';

/** What one check of one URL found; the columns of report_evidence it fills. */
export interface PageCheck {
  status: FetchStatus;
  httpStatus: number | null;
  title: string | null;
  pageDate: string | null;
  /** Only ever an http(s) URL; null when the submitted one was not. */
  finalUrl: string | null;
  checkedAt: Date;
  detail: string | null;
}

/** Reads a fetched page's title and date; null when it could not (the page stays reachable, without them). */
export type PageAnalyser = (bytes: Uint8Array, contentType: string | null) => Promise<PageAnalysis | null>;

export async function checkPage(
  url: string,
  options: FetchOptions,
  now: () => Date,
  analyse: PageAnalyser,
): Promise<PageCheck> {
  const fetched = await fetchPage(url, options);
  const analysis = fetched.body ? await analyse(fetched.body, fetched.contentType) : null;
  return {
    status: fetched.status,
    httpStatus: fetched.httpStatus,
    title: analysis?.title ?? null,
    pageDate: analysis?.pageDate ?? null,
    finalUrl: fetched.finalUrl,
    checkedAt: now(),
    detail: fetched.detail ?? (fetched.body && !analysis ? 'page analysis stopped' : null),
  };
}
