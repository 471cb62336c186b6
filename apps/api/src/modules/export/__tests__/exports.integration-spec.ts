import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import request from 'supertest';
import { Clock } from '../../../common/clock.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { Factory, type Client } from '../../../../test/factory.js';
import { download } from '../../../../test/download.js';
import { buildScenario, TODAY, type Scenario } from '../../scorecard/__tests__/scorecard-scenario.js';

const workbook = async (bytes: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  return book;
};
/** The visible text of a .docx, paragraph by paragraph. */
const docxParagraphs = async (bytes: Buffer) => {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  );
};

describe('exports', () => {
  let t: TestApp;
  let f: Factory;
  let s: Scenario;
  let office: Client;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    const now = new Date(TODAY);
    t.app.get(Clock).now = () => now;
    s = await buildScenario(t, f);
    office = await f.client(s.tenant, 'OFFICE_STAFF');
  });
  afterAll(() => t?.close());

  it('gives the office the 台账 as xlsx: a printable sheet per section with progress, evidence and return reasons', async () => {
    const res = await download(office, `/exports/ledger.xlsx?planId=${s.planId}`);
    expect(res.status).toBe(200);
    // Named after the plan and the day (issue 23: one name for every year's download was easy to overwrite).
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('2026年政务公开工作要点台账（2026-11-23）.xlsx')}`,
    );
    const book = await workbook(res.body);
    expect(book.worksheets.map((w) => w.name)).toEqual(['一、加强政策解读回应', '二、推进决策公开 试点']);
    const first = book.worksheets[0];
    // A title row with the plan, the section and the date; the header below it is repeated on every printed page.
    expect(first.getCell('A1').value).toBe('2026年政务公开工作要点台账（截至2026年11月23日） · 一、加强政策解读回应');
    expect(first.getRow(2).values).toEqual([
      undefined,
      '序号',
      '编号',
      '工作要点',
      '承办单位',
      '角色',
      '完成时限',
      '状态',
      '进度',
      '灯色',
      '最新进展',
      '佐证材料',
      '退回原因',
      '最近报送',
      '催办次数',
    ]);
    expect(first.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    });
    expect(first.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(first.autoFilter).toBeTruthy();
    expect(first.getCell('C3').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    // KP1: 甲局 leads (on time), 丁镇 co-unit; KP2: 乙局 leads (late), 甲局; KP3: 丙局 leads, 乙局 (date moved, original kept).
    expect(first.rowCount).toBe(8);
    const row = (n: number) => first.getRow(n).values as unknown[];
    expect(row(3).slice(1)).toEqual([
      1,
      '(1)',
      '做好重要政策解读',
      '甲局',
      '牵头',
      '2026-06-30',
      '已完成',
      '100%',
      '按期完成',
      '进展情况06-20',
      '',
      '',
      '',
      0,
    ]);
    expect(row(4).slice(1, 5)).toEqual([2, '(1)', '做好重要政策解读', '丁镇']);
    expect(row(4).slice(10, 13)).toEqual([
      '进展情况07-10',
      { text: 'https://www.example.gov.cn/zwgk/d1.html', hyperlink: 'https://www.example.gov.cn/zwgk/d1.html' },
      '2026-05-12 佐证材料不全\n2026-06-12 请补充发布截图',
    ]);
    expect(row(4)[14]).toBe(3);
    expect((first.getRow(3).getCell(9).fill as ExcelJS.FillPattern).fgColor!.argb).toBe('FFC6EFCE');
    const late = first.getRow(5);
    expect([late.getCell(4).value, late.getCell(9).value]).toEqual(['乙局', '逾期完成']);
    // 逾期完成 has a fill of its own, not 红灯's.
    expect((late.getCell(9).fill as ExcelJS.FillPattern).fgColor!.argb).toBe('FFE4DFEC');
    const moved = [6, 7, 8].map((n) => first.getRow(n)).find((r) => r.getCell(4).value === '乙局')!;
    expect(moved.getCell(6).value).toBe('2026-08-31\n（原定 2026-06-30）');
    const second = book.worksheets[1];
    const red = [3, 4]
      .map((n) => second.getRow(n))
      .find((r) => r.getCell(4).value === '戊镇' && r.getCell(3).value === '推进重大决策预公开')!;
    expect(red.getCell(9).value).toBe('红灯');
    expect((red.getCell(9).fill as ExcelJS.FillPattern).fgColor!.argb).toBe('FFFFC7CE');
  });

  it("filters the 台账 like the ledger, and gives a unit user only their own unit's tasks", async () => {
    const units = (book: ExcelJS.Workbook) =>
      book.worksheets.flatMap((w) =>
        w
          .getSheetValues()
          .slice(3)
          .map((r) => (r as unknown[])[4]),
      );
    const red = await workbook((await download(office, `/exports/ledger.xlsx?planId=${s.planId}&light=RED`)).body);
    expect(units(red)).toEqual(['戊镇', '戊镇']);
    const liaison = await f.client(s.tenant, 'UNIT_LIAISON', s.units.D);
    const own = await workbook((await download(liaison, `/exports/ledger.xlsx?planId=${s.planId}`)).body);
    expect(units(own)).toEqual(['丁镇']);
    const bad = await download(office, `/exports/ledger.xlsx?planId=${s.planId}&light=PURPLE`);
    expect([bad.status, JSON.parse(bad.body.toString()).field]).toEqual([400, 'light']);
  });

  it('gives the scorecard as xlsx to office and leadership: printable, ranked, each weighted rate beside the score, with the rules', async () => {
    const leader = await f.client(s.tenant, 'LEADERSHIP');
    const res = await download(leader, `/exports/scorecard.xlsx?year=2026`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(
      encodeURIComponent('2026年政务公开工作考核排名（2026-11-23）.xlsx'),
    );
    const book = await workbook(res.body);
    expect(book.worksheets.map((w) => w.name)).toEqual(['考核排名', '评分规则']);
    const sheet = book.worksheets[0];
    expect(sheet.getCell('A1').value).toBe('2026年政务公开工作考核排名（截至2026年11月23日）');
    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    });
    expect((sheet.getRow(2).values as unknown[]).slice(1, 9)).toEqual([
      '排名',
      '单位',
      '得分',
      '按时完成率',
      '无逾期率',
      '按时报送率',
      '上年得分',
      '上年排名',
    ]);
    expect([3, 4, 5, 6, 7].map((n) => (sheet.getRow(n).values as unknown[]).slice(1, 7))).toEqual([
      [1, '丙局', 82.5, '100%', '100%', '12.5%'],
      [2, '甲局', 81.67, '100%', '100%', '8.3%'],
      [3, '乙局', 31.36, '0%', '100%', '6.8%'],
      [4, '丁镇', 30, '—', '—', '30%'],
      [5, '戊镇', 0, '0%', '0%', '0%'],
    ]);
    expect((sheet.getRow(4).values as unknown[]).slice(7, 9)).toEqual([0, 2]);
    const rules = book.worksheets[1]
      .getSheetValues()
      .slice(3)
      .map((r) => (r as unknown[]).slice(1, 3));
    expect(rules).toEqual(
      expect.arrayContaining([
        ['按时完成率', 50],
        ['无逾期率', 30],
        ['按时报送率', 20],
        ['牵头任务计数倍数', 1.5],
      ]),
    );
  });

  it('drafts the 通报 naming the units with overdue tasks and what they are', async () => {
    // 戊镇's overdue E5 has a report waiting for review: the 通报 must not print its progress as settled.
    const author = await f.user(s.tenant, 'UNIT_LIAISON', s.units.E);
    await t.db.query(
      `INSERT INTO progress_report (tenant_id, task_id, unit_id, author_id, text, progress, status, submitted_at) VALUES ($1, $2, $3, $4, '已基本完成', 90, 'PENDING_OFFICE', '2026-11-20T10:00:00+08:00')`,
      [s.tenant.id, s.tasks.E5, s.units.E.id, author.id],
    );
    const res = await download(office, `/exports/tongbao.docx?planId=${s.planId}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const paragraphs = await docxParagraphs(res.body);
    expect(paragraphs[0]).toBe('关于2026年政务公开工作要点落实情况的通报');
    expect(paragraphs).toContain('〔　　〕第　　号');
    const text = paragraphs.join('\n');
    expect(text).toContain('共分解任务8项，已完成5项，正在推进3项，其中逾期未完成2项，涉及1个单位');
    expect(text).toContain('（一）戊镇。戊镇逾期未完成任务2项');
    expect(text).toMatch(/2．开展政府开放日活动（责任单位，完成时限2026年9月30日，目前进度30%，最新报送待审核）/);
    expect(text).toMatch(/1．推进重大决策预公开（牵头单位，完成时限2026年10月31日，目前进度0%）/);
    expect(text).not.toContain('乙局');
    expect(text).toContain('请各单位对照问题清单');
    expect(paragraphs.at(-1)).toBe('二〇二六年十一月二十三日');
  });

  it('drafts the annual-report section with counts by status and a table by key point', async () => {
    const res = await download(office, `/exports/annual-report-section.docx?year=2026&section=七`);
    expect(res.status).toBe(200);
    const paragraphs = await docxParagraphs(res.body);
    expect(paragraphs[0]).toBe('七、政务公开工作要点落实情况');
    expect(paragraphs[1]).toContain('明确工作要点5项，分解为具体任务8项，涉及承办单位5个');
    expect(paragraphs[1]).toContain('已全部落实2项');
    expect(paragraphs[1]).toContain('已完成5项，推进中2项，未开始1项，其中逾期未完成2项');
    expect(paragraphs).toContain('序号');
    const joined = paragraphs.join('|');
    expect(joined).toContain('1|做好重要政策解读|甲局|推进中（已完成1/2项）');
    expect(joined).toContain('2|加强政务舆情回应|乙局|已完成');
    expect(joined).toContain('4|推进重大决策预公开|戊镇|推进中（已完成0/1项，逾期1项）');
  });

  it('refuses each export to the roles it is not for, and to other tenants and strangers', async () => {
    const liaison = await f.client(s.tenant, 'UNIT_LIAISON', s.units.A);
    const leader = await f.client(s.tenant, 'LEADERSHIP');
    expect((await download(liaison, `/exports/scorecard.xlsx?year=2026`)).status).toBe(403);
    expect((await download(liaison, `/exports/tongbao.docx?planId=${s.planId}`)).status).toBe(403);
    expect((await download(leader, `/exports/tongbao.docx?planId=${s.planId}`)).status).toBe(403);
    expect((await download(leader, `/exports/annual-report-section.docx?year=2026`)).status).toBe(403);
    const forbidden = await download(liaison, `/exports/annual-report-section.docx?year=2026`);
    expect([forbidden.status, JSON.parse(forbidden.body.toString()).code]).toEqual([403, 'FORBIDDEN']);

    const other = await f.tenant('另一市人民政府办公室');
    const stranger = await f.client(other, 'OFFICE_ADMIN');
    const notFound = await download(stranger, `/exports/ledger.xlsx?planId=${s.planId}`);
    expect([notFound.status, JSON.parse(notFound.body.toString()).code]).toEqual([404, 'NOT_FOUND']);
    expect((await download(stranger, `/exports/tongbao.docx?planId=${s.planId}`)).status).toBe(404);
    expect((await download(stranger, `/exports/scorecard.xlsx?planId=${s.planId}`)).status).toBe(404);
    const theirs = await workbook((await download(stranger, `/exports/scorecard.xlsx?year=2026`)).body);
    expect(theirs.worksheets[0].rowCount).toBe(2); // the title and the header, no unit

    const anonymous = await request(t.app.getHttpServer()).get(`/exports/ledger.xlsx?planId=${s.planId}`);
    expect(anonymous.status).toBe(401);
  });
});
