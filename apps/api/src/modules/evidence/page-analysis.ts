import { isolatedTask } from '../../isolation/isolated-task.js';
import { decodeHtml } from './page-charset.js';
import { publicationDateOf } from './page-date.js';
import { scanHtml, titleOf } from './page-html.js';

export interface PageAnalysis {
  charset: string;
  title: string | null;
  /** YYYY-MM-DD the page states it was published, or null. */
  pageDate: string | null;
}

/** What the checker records about a fetched page: its title and stated publication date. */
export function analysePage(bytes: Uint8Array, contentType: string | null | undefined): PageAnalysis {
  const { text, charset } = decodeHtml(bytes, contentType);
  const page = scanHtml(text);
  return { charset, title: titleOf(page), pageDate: publicationDateOf(page) };
}

export interface PageAnalysisInput {
  bytes: Uint8Array;
  contentType: string | null;
}

export function analysePageInput(input: PageAnalysisInput): PageAnalysis {
  return analysePage(input.bytes, input.contentType);
}

/** analysePage in a worker thread: a page is whatever a submitted URL serves. */
export const ANALYSE_PAGE_TASK = isolatedTask<PageAnalysisInput, PageAnalysis>(
  import.meta.url,
  'analysePageInput',
  '网页',
);
