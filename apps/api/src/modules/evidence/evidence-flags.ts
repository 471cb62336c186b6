/** What the office should look at before accepting a report, derived from the stored check results. */
export const EVIDENCE_FLAG_CODES = ['PAGE_NOT_REACHABLE', 'PUBLISHED_AFTER_DEADLINE', 'NOT_CHECKED'] as const;
export type EvidenceFlagCode = (typeof EVIDENCE_FLAG_CODES)[number];

export interface CheckedEvidence {
  id: string;
  url: string;
  checkStatus: string | null;
  checkHttpStatus: number | null;
  pageDate: string | null;
}

export interface EvidenceFlag {
  code: EvidenceFlagCode;
  evidenceId: string;
  url: string;
  /** Shown to the office as is. */
  message: string;
  pageDate: string | null;
  dueDate: string | null;
}

const NOT_REACHABLE: Record<string, (httpStatus: number | null) => string> = {
  NOT_FOUND: (s) => `网页无法访问（HTTP ${s ?? '4xx'}，页面不存在或无权访问）`,
  SERVER_ERROR: (s) => `网页无法访问（HTTP ${s ?? '5xx'}，对方网站服务器错误）`,
  TIMEOUT: () => '网页无法访问（连接超时）',
  UNREACHABLE: () => '网页无法访问（无法连接到网站）',
  BLOCKED: () => '网页无法访问（内网或本机地址，系统未开放检查；如需检查政务内网网页，请联系系统运维人员）',
};

/**
 * Flags for one report's URL evidence. `dueDate` is the task's current due date: the original one, or
 * the date an approved delay moved it to. A page is late when the date it states is after that day;
 * a page that states no date cannot be judged late.
 */
export function evidenceFlags(evidence: CheckedEvidence[], dueDate: string | null): EvidenceFlag[] {
  const flags: EvidenceFlag[] = [];
  for (const e of evidence) {
    const base = { evidenceId: e.id, url: e.url, pageDate: e.pageDate, dueDate };
    if (!e.checkStatus) {
      flags.push({ ...base, code: 'NOT_CHECKED', message: '网页尚未检查' });
      continue;
    }
    const unreachable = NOT_REACHABLE[e.checkStatus];
    if (unreachable) flags.push({ ...base, code: 'PAGE_NOT_REACHABLE', message: unreachable(e.checkHttpStatus) });
    if (e.pageDate && dueDate && e.pageDate > dueDate) {
      flags.push({
        ...base,
        code: 'PUBLISHED_AFTER_DEADLINE',
        message: `网页发布日期 ${e.pageDate} 晚于完成时限 ${dueDate}`,
      });
    }
  }
  return flags;
}
