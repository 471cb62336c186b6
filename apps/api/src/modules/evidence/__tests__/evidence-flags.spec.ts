import { evidenceFlags, type CheckedEvidence } from '../evidence-flags.js';

const evidence = (over: Partial<CheckedEvidence>): CheckedEvidence => ({
  id: 'e1',
  url: 'https://www.example.gov.cn/a.html',
  checkStatus: 'REACHABLE',
  checkHttpStatus: 200,
  pageDate: null,
  ...over,
});

describe('evidence flags', () => {
  it('flags a page published after the due date, not one published on it', () => {
    expect(evidenceFlags([evidence({ pageDate: '2026-07-01' })], '2026-06-30').map((f) => f.code)).toEqual([
      'PUBLISHED_AFTER_DEADLINE',
    ]);
    expect(evidenceFlags([evidence({ pageDate: '2026-06-30' })], '2026-06-30')).toEqual([]);
  });

  it('cannot judge lateness without a page date', () => {
    expect(evidenceFlags([evidence({ pageDate: null })], '2026-06-30')).toEqual([]);
  });

  it.each([
    ['NOT_FOUND', 404, '网页无法访问（HTTP 404，页面不存在或无权访问）'],
    ['SERVER_ERROR', 503, '网页无法访问（HTTP 503，对方网站服务器错误）'],
    ['TIMEOUT', null, '网页无法访问（连接超时）'],
    ['UNREACHABLE', null, '网页无法访问（无法连接到网站）'],
    ['BLOCKED', null, '网页无法访问（内网或本机地址，系统未开放检查；如需检查政务内网网页，请联系系统运维人员）'],
  ])('flags %s as not reachable', (checkStatus, checkHttpStatus, message) => {
    expect(evidenceFlags([evidence({ checkStatus, checkHttpStatus })], '2026-06-30')).toEqual([
      {
        code: 'PAGE_NOT_REACHABLE',
        evidenceId: 'e1',
        url: 'https://www.example.gov.cn/a.html',
        message,
        pageDate: null,
        dueDate: '2026-06-30',
      },
    ]);
  });

  it('does not flag reachable pages it could not read (PDF, oversized) and says when nothing was checked yet', () => {
    expect(
      evidenceFlags([evidence({ checkStatus: 'NOT_HTML' }), evidence({ checkStatus: 'TOO_LARGE' })], '2026-06-30'),
    ).toEqual([]);
    expect(
      evidenceFlags([evidence({ checkStatus: null, checkHttpStatus: null })], '2026-06-30').map((f) => f.code),
    ).toEqual(['NOT_CHECKED']);
  });
});
