import { shanghaiDate } from '@duban/domain';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import {
  errorCode,
  Factory,
  type Client,
  type TestTask,
  type TestTenant,
  type TestUnit,
  type TestUser,
} from '../../../../test/factory.js';
import { AddressPolicy } from '../../../common/net/address-policy.js';
import { EvidenceCheckLimits } from '../evidence-check.limits.js';
import { EvidenceCheckService } from '../evidence-check.service.js';
import { countStatements } from '../../../../test/count-statements.js';
import { startPageServer, type PageServer } from './page-server.js';

const CHECK = `mutation($reportId: ID!) {
  checkEvidence(reportId: $reportId) { id url checkStatus checkHttpStatus checkTitle pageDate checkedAt checkFinalUrl }
}`;
const FLAGS = `query($id: ID!) { report(id: $id) { id evidenceFlags { code url message pageDate dueDate } } }`;

const YEAR = 2026;
const DUE = `${YEAR}-06-30`;
const PUBLISHED_ON = `${YEAR}-06-15`;
const LATE_ON = `${YEAR}-07-20`;

interface Setup {
  tenant: TestTenant;
  unit: TestUnit;
  task: TestTask;
  liaison: TestUser;
  office: Client;
}

describe('evidence checks', () => {
  let t: TestApp;
  let f: Factory;
  let pages: PageServer;
  let service: EvidenceCheckService;
  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    // Short bounds so the slow and the oversized pages trip them quickly.
    const limits = t.app.get(EvidenceCheckLimits);
    limits.timeoutMs = 800;
    limits.maxBytes = 64 * 1024;
    service = t.app.get(EvidenceCheckService);
    pages = await startPageServer({ slowMs: 3000, largeBytes: 200 * 1024, publishedOn: PUBLISHED_ON, lateOn: LATE_ON });
  });
  afterAll(async () => {
    await pages.close();
    await t.close();
  });

  /** `policy`: where the checker may connect; the test pages live on loopback, which only a test policy allows. */
  async function setup(policy: AddressPolicy, dueDate = DUE): Promise<Setup> {
    t.app.get(EvidenceCheckLimits).addressPolicy = policy;
    const tenant = await f.tenant();
    const unit = await f.unit(tenant, '市政务服务数据管理局');
    const kp = await f.keyPointPlan(tenant, { year: YEAR });
    const task = await f.keyPointTask(kp, unit, 'LEAD', { dueDate, status: 'IN_PROGRESS' });
    return {
      tenant,
      unit,
      task,
      liaison: await f.user(tenant, 'UNIT_LIAISON', unit),
      office: await f.client(tenant, 'OFFICE_STAFF'),
    };
  }
  const byPath = (list: Array<{ url: string; [field: string]: any }>, path: string) =>
    list.find((e) => e.url.endsWith(path))!;

  describe('against pages served locally', () => {
    let s: Setup;
    let reportId: string;
    let checked: any[];
    const paths = [
      '/live',
      '/late',
      '/missing',
      '/broken',
      '/slow',
      '/gbk',
      '/hop1',
      '/loop',
      '/to-zero',
      '/to-file',
      '/large',
      '/gzip',
      '/file.pdf',
    ];

    beforeAll(async () => {
      s = await setup(AddressPolicy.forTestsOnLoopback());
      const report = await f.urlEvidenceReport(
        s.task,
        s.liaison,
        paths.map((p) => pages.origin + p),
        { claimsCompletion: true },
      );
      reportId = report.id;
      checked = (await s.office.ok(CHECK, { reportId })).checkEvidence;
    });

    it('records status, HTTP status, title and the stated publication date of each page', () => {
      expect(checked.map((e) => e.url)).toEqual(paths.map((p) => pages.origin + p));
      const expectations: Record<string, object> = {
        '/live': {
          checkStatus: 'REACHABLE',
          checkHttpStatus: 200,
          checkTitle: '关于开展政务公开工作的通知_测试市人民政府',
          pageDate: PUBLISHED_ON,
        },
        '/late': { checkStatus: 'REACHABLE', checkHttpStatus: 200, checkTitle: '迟发布的通知', pageDate: LATE_ON },
        '/missing': { checkStatus: 'NOT_FOUND', checkHttpStatus: 404, checkTitle: null, pageDate: null },
        '/broken': { checkStatus: 'SERVER_ERROR', checkHttpStatus: 500 },
        '/slow': { checkStatus: 'TIMEOUT', checkHttpStatus: null, checkTitle: null },
        '/gbk': { checkStatus: 'REACHABLE', checkTitle: '政府信息公开目录', pageDate: PUBLISHED_ON },
        '/hop1': {
          checkStatus: 'REACHABLE',
          checkTitle: '关于开展政务公开工作的通知_测试市人民政府',
          checkFinalUrl: `${pages.origin}/live`,
        },
        '/loop': { checkStatus: 'UNREACHABLE', checkHttpStatus: 302 },
        // 0.0.0.0 reaches this machine on Linux: only the per-hop re-check stops the redirect.
        '/to-zero': { checkStatus: 'BLOCKED', checkFinalUrl: `http://0.0.0.0:${pages.port}/live` },
        // Only http(s) addresses are followed or recorded: the last one is the page that redirected.
        '/to-file': { checkStatus: 'BLOCKED', checkFinalUrl: `${pages.origin}/to-file` },
        '/large': { checkStatus: 'TOO_LARGE', checkHttpStatus: 200, checkTitle: '超大页面', pageDate: PUBLISHED_ON },
        '/gzip': { checkStatus: 'REACHABLE', checkTitle: '压缩页面' },
        '/file.pdf': { checkStatus: 'NOT_HTML', checkHttpStatus: 200, checkTitle: null },
      };
      for (const path of paths)
        expect([path, byPath(checked, path)]).toEqual([path, expect.objectContaining(expectations[path])]);
      for (const e of checked) expect(new Date(e.checkedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    });

    it('stores the results on the evidence rows, stops redirect loops after 5 hops and never follows 0.0.0.0', async () => {
      const { rows } = await t.db.query(
        `SELECT url, check_status, page_date::text FROM report_evidence WHERE report_id = $1 ORDER BY sort`,
        [reportId],
      );
      expect(rows.map((r) => r.check_status)).toEqual(checked.map((e) => e.checkStatus));
      expect(pages.hits('/loop')).toBe(6);
      expect(pages.hits('/live')).toBe(2); // direct and through /hop1 → /hop2, never through /to-zero
    });

    it('derives the flags the office sees: not reachable, published after the time limit', async () => {
      const { report } = await s.office.ok(FLAGS, { id: reportId });
      const flags = report.evidenceFlags.map((fl: any) => [fl.code, fl.url.slice(pages.origin.length)]);
      expect(flags).toEqual([
        ['PUBLISHED_AFTER_DEADLINE', '/late'],
        ['PAGE_NOT_REACHABLE', '/missing'],
        ['PAGE_NOT_REACHABLE', '/broken'],
        ['PAGE_NOT_REACHABLE', '/slow'],
        ['PAGE_NOT_REACHABLE', '/loop'],
        ['PAGE_NOT_REACHABLE', '/to-zero'],
        ['PAGE_NOT_REACHABLE', '/to-file'],
      ]);
      const late = report.evidenceFlags[0];
      expect(late).toMatchObject({
        pageDate: LATE_ON,
        dueDate: DUE,
        message: `网页发布日期 ${LATE_ON} 晚于完成时限 ${DUE}`,
      });
      expect(report.evidenceFlags[1].message).toBe('网页无法访问（HTTP 404，页面不存在或无权访问）');
    });

    it('judges lateness against the current due date, so an approved delay clears the flag', async () => {
      await t.db.query(`UPDATE task SET due_date = $2 WHERE id = $1`, [s.task.id, `${YEAR}-08-31`]);
      try {
        const { report } = await s.office.ok(FLAGS, { id: reportId });
        expect(report.evidenceFlags.map((fl: any) => fl.code)).not.toContain('PUBLISHED_AFTER_DEADLINE');
      } finally {
        await t.db.query(`UPDATE task SET due_date = $2 WHERE id = $1`, [s.task.id, DUE]);
      }
    });

    it('records the check in the audit log with before and after, for the office user who asked', async () => {
      const { rows } = await t.db.query(
        `SELECT actor_id, before, after FROM audit_log WHERE entity_id = $1 AND action = 'report.evidence_check'`,
        [reportId],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].actor_id).toBe(s.office.user.id);
      expect(rows[0].before.every((e: any) => e.checkStatus === null)).toBe(true);
      expect(byPath(rows[0].after, '/late')).toMatchObject({ checkStatus: 'REACHABLE', pageDate: LATE_ON });
    });

    it('fetches at most once a minute per report; sooner calls return the stored results', async () => {
      const connections = pages.connections();
      const again = (await s.office.ok(CHECK, { reportId })).checkEvidence;
      expect(pages.connections()).toBe(connections);
      expect(again.map((e: any) => e.checkedAt)).toEqual(checked.map((e) => e.checkedAt));

      await t.db.query(
        `UPDATE evidence_check_request SET requested_at = requested_at - interval '61 seconds' WHERE report_id = $1`,
        [reportId],
      );
      const liveHits = pages.hits('/live');
      const later = (await s.office.ok(CHECK, { reportId })).checkEvidence;
      expect(pages.hits('/live')).toBe(liveHits + 2);
      expect(new Date(byPath(later, '/live').checkedAt).getTime()).toBeGreaterThan(
        new Date(byPath(checked, '/live').checkedAt).getTime(),
      );
    });
  });

  describe('outside the networks the operator allows', () => {
    it('blocks loopback, private, metadata and names resolving to them without making any connection, even when the operator lists them', async () => {
      // An operator who lists loopback and link-local still gets them refused; 10.9.0.0/16 is allowed, none of these is in it.
      const s = await setup(new AddressPolicy(['127.0.0.0/8', '169.254.0.0/16', '::1/128', '10.9.0.0/16']));
      const port = pages.port;
      const urls = [
        `http://127.0.0.1:${port}/live`,
        `http://localhost:${port}/live`,
        `http://10.1.2.3/zwgk/index.html`,
        `http://192.168.1.10:${port}/live`,
        `http://[::1]:${port}/live`,
        `http://[::ffff:127.0.0.1]:${port}/live`,
        `http://[64:ff9b::7f00:1]:${port}/live`,
        `http://[2002:7f00:1::]:${port}/live`,
        `http://169.254.169.254/latest/meta-data/`,
        `http://100.100.100.200/latest/meta-data/`,
        `http://[fd00:ec2::254]/latest/meta-data/`,
        `javascript:alert(1)`,
      ];
      const report = await f.urlEvidenceReport(s.task, s.liaison, urls);
      const connections = pages.connections();
      const { checkEvidence } = await s.office.ok(CHECK, { reportId: report.id });
      expect(pages.connections()).toBe(connections);
      // Refused before connecting (BLOCKED), not after waiting for 10.1.2.3 to time out (TIMEOUT): a
      // status, not a stopwatch, which a loaded machine would trip.
      expect(checkEvidence.map((e: any) => [e.checkStatus, e.checkHttpStatus])).toEqual(
        urls.map(() => ['BLOCKED', null]),
      );
      expect(checkEvidence.at(-1).checkFinalUrl).toBeNull();
      const { report: read } = await s.office.ok(FLAGS, { id: report.id });
      expect(read.evidenceFlags.map((fl: any) => fl.code)).toEqual(urls.map(() => 'PAGE_NOT_REACHABLE'));
      expect(read.evidenceFlags[0].message).toContain('内网');
    });
  });

  describe('who may check', () => {
    let s: Setup;
    let reportId: string;
    beforeAll(async () => {
      s = await setup(AddressPolicy.forTestsOnLoopback());
      reportId = (await f.urlEvidenceReport(s.task, s.liaison, [`${pages.origin}/live`])).id;
    });

    it.each(['UNIT_LIAISON', 'UNIT_LEADER', 'LEADERSHIP'] as const)(
      'refuses %s with FORBIDDEN and fetches nothing',
      async (role) => {
        const client = await f.client(s.tenant, role, role === 'LEADERSHIP' ? undefined : s.unit);
        const hits = pages.hits('/live');
        expect(errorCode(await client.gql(CHECK, { reportId }))).toBe('FORBIDDEN');
        expect(pages.hits('/live')).toBe(hits);
      },
    );

    it("answers NOT_FOUND to another tenant's office using the real report id, and to a malformed id", async () => {
      const other = await f.client(await f.tenant(), 'OFFICE_ADMIN');
      const hits = pages.hits('/live');
      expect(errorCode(await other.gql(CHECK, { reportId }))).toBe('NOT_FOUND');
      expect(errorCode(await s.office.gql(CHECK, { reportId: 'not-a-uuid' }))).toBe('NOT_FOUND');
      expect(pages.hits('/live')).toBe(hits);
      const { rows } = await t.db.query(`SELECT check_status FROM report_evidence WHERE report_id = $1`, [reportId]);
      expect(rows[0].check_status).toBeNull();
    });

    it('refuses without sign-in', async () => {
      const res = await t.http.post('/graphql').send({ query: CHECK, variables: { reportId } });
      expect(errorCode(res.body)).toBe('UNAUTHENTICATED');
    });

    it('shows NOT_CHECKED until the first check', async () => {
      const { report } = await s.office.ok(FLAGS, { id: reportId });
      expect(report.evidenceFlags).toEqual([expect.objectContaining({ code: 'NOT_CHECKED', message: '网页尚未检查' })]);
    });
  });

  describe('the daily re-check', () => {
    it('re-checks tasks due today and completion claims not checked since they were submitted', async () => {
      const now = new Date();
      const today = shanghaiDate(now);
      const s = await setup(AddressPolicy.forTestsOnLoopback(), today);
      const kp = await f.keyPointPlan(s.tenant, { year: Number(today.slice(0, 4)) });
      const later = `${Number(today.slice(0, 4)) + 1}-12-31`;
      const claim = await f.keyPointTask(kp, await f.unit(s.tenant), 'RESPONSIBLE', {
        dueDate: later,
        status: 'SUBMITTED',
      });
      const checkedClaim = await f.keyPointTask(kp, await f.unit(s.tenant), 'RESPONSIBLE', {
        dueDate: later,
        status: 'SUBMITTED',
      });
      const notDue = await f.keyPointTask(kp, await f.unit(s.tenant), 'RESPONSIBLE', {
        dueDate: later,
        status: 'IN_PROGRESS',
      });
      const dueWithoutUrls = await f.keyPointTask(kp, await f.unit(s.tenant), 'RESPONSIBLE', { dueDate: today });

      const dueReport = await f.urlEvidenceReport(s.task, s.liaison, [`${pages.origin}/live`], { status: 'ACCEPTED' });
      const claimReport = await f.urlEvidenceReport(claim, s.liaison, [`${pages.origin}/late`], {
        claimsCompletion: true,
      });
      const checkedReport = await f.urlEvidenceReport(checkedClaim, s.liaison, [`${pages.origin}/gbk`], {
        claimsCompletion: true,
      });
      await t.db.query(
        `UPDATE report_evidence SET check_status = 'REACHABLE', checked_at = now() + interval '1 second' WHERE report_id = $1`,
        [checkedReport.id],
      );
      await f.urlEvidenceReport(notDue, s.liaison, [`${pages.origin}/missing`]);
      expect(dueWithoutUrls.id).toBeDefined();

      expect((await service.dueForRecheck(s.tenant.id, now)).sort()).toEqual([s.task.id, claim.id].sort());
      // Another tenant's tasks are never in the list.
      expect(await service.dueForRecheck((await f.tenant()).id, now)).toEqual([]);

      expect(await service.recheckDue(s.tenant.id, now)).toEqual({ tasks: 2, evidence: 2 });
      const { rows } = await t.db.query(
        `SELECT e.report_id, e.check_status, e.page_date::text FROM report_evidence e WHERE e.report_id = ANY($1::uuid[])`,
        [[dueReport.id, claimReport.id]],
      );
      expect(rows).toEqual(
        expect.arrayContaining([
          { report_id: dueReport.id, check_status: 'REACHABLE', page_date: PUBLISHED_ON },
          { report_id: claimReport.id, check_status: 'REACHABLE', page_date: LATE_ON },
        ]),
      );
      // The claim is now checked after its submission, so it drops out; the task due today stays due today.
      expect(await service.dueForRecheck(s.tenant.id, now)).toEqual([s.task.id]);
      const audit = await t.db.query(
        `SELECT actor_id FROM audit_log WHERE entity_id = $1 AND action = 'report.evidence_check'`,
        [claimReport.id],
      );
      expect(audit.rows).toEqual([{ actor_id: null }]);
    });
  });

  describe('no N+1', () => {
    const QUERY = `{ reports(first: 50) { nodes { id evidenceFlags { code } evidence { checkStatus checkFinalUrl } } } }`;

    async function seed(n: number) {
      const s = await setup(AddressPolicy.forTestsOnLoopback());
      const kp = await f.keyPointPlan(s.tenant, { year: YEAR });
      for (let i = 0; i < n; i++) {
        const task = await f.keyPointTask(kp, await f.unit(s.tenant), 'RESPONSIBLE', { dueDate: DUE });
        const report = await f.urlEvidenceReport(task, s.liaison, [
          `https://www.example.gov.cn/a${i}.html`,
          `https://www.example.gov.cn/b${i}.html`,
        ]);
        await t.db.query(
          `UPDATE report_evidence SET check_status = 'NOT_FOUND', check_http_status = 404, checked_at = now(), check_final_url = url WHERE report_id = $1`,
          [report.id],
        );
      }
      return s.office;
    }

    it('reads flags and final URLs for 2 reports and for 20 with the same number of SQL statements', async () => {
      const small = await seed(2);
      const large = await seed(20);
      await small.ok(QUERY);
      await large.ok(QUERY);
      const smallCount = await countStatements(async () => {
        const data = await small.ok(QUERY);
        expect(data.reports.nodes).toHaveLength(2);
      });
      const largeCount = await countStatements(async () => {
        const data = await large.ok(QUERY);
        expect(data.reports.nodes).toHaveLength(20);
        for (const node of data.reports.nodes) {
          expect(node.evidenceFlags.map((fl: any) => fl.code)).toEqual(['PAGE_NOT_REACHABLE', 'PAGE_NOT_REACHABLE']);
          expect(node.evidence.every((e: any) => e.checkFinalUrl?.startsWith('https://www.example.gov.cn/'))).toBe(
            true,
          );
        }
      });
      expect(largeCount).toBe(smallCount);
    });
  });
});
