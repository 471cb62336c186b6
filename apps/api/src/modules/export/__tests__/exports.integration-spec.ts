import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import request from 'supertest';
import { Clock } from '../../../common/clock.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { Factory, type Client } from '../../../../test/factory.js';
import { buildScenario, TODAY, type Scenario } from '../../scorecard/__tests__/scorecard-scenario.js';

const binary = (res: NodeJS.ReadableStream & { setEncoding(e: string): void }, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
const download = (c: Client, path: string) => c.agent.get(path).buffer(true).parse(binary as never);
const workbook = async (bytes: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  return book;
};
/** The visible text of a .docx, paragraph by paragraph. */
const docxParagraphs = async (bytes: Buffer) => {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
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

  it('gives the office the 台账 as xlsx: a sheet per section, light fills, frozen header, filters, a Chinese file name', async () => {
    const res = await download(office, `/exports/ledger.xlsx?planId=${s.planId}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('2026年政务公开工作要点台账.xlsx')}`);
    const book = await workbook(res.body);
    expect(book.worksheets.map((w) => w.name)).toEqual(['一、加强政策解读回应', '二、推进决策公开 试点']);
    const first = book.worksheets[0];
    expect(first.getRow(1).values).toEqual([undefined, '序号', '工作要点', '责任单位', '角色', '完成时限', '原定时限', '状态', '进度', '灯色', '最近报送', '催办次数']);
    expect(first.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(first.autoFilter).toBeTruthy();
    expect(first.getColumn(2).width).toBeGreaterThan(20);
    // KP1: 甲局 leads (on time), 丁镇 co-unit; KP2: 乙局 leads (late), 甲局; KP3: 丙局 leads, 乙局.
    expect(first.rowCount).toBe(7);
    const row = (n: number) => first.getRow(n).values as unknown[];
    expect(row(2).slice(1)).toEqual([1, '做好重要政策解读', '甲局', '牵头', '2026-06-30', '2026-06-30', '已完成', '100%', '按期完成', '', 0]);
    expect(row(3).slice(1, 4)).toEqual([2, '做好重要政策解读', '丁镇']);
    expect(row(3)[11]).toBe(3);
    expect((first.getRow(2).getCell(9).fill as ExcelJS.FillPattern).fgColor!.argb).toBe('FFC6EFCE');
    const second = book.worksheets[1];
    const red = [2, 3].map((n) => second.getRow(n)).find((r) => r.getCell(3).value === '戊镇' && r.getCell(2).value === '推进重大决策预公开')!;
    expect(red.getCell(9).value).toBe('红灯');
    expect((red.getCell(9).fill as ExcelJS.FillPattern).fgColor!.argb).toBe('FFFFC7CE');
  });

  it('filters the 台账 like the ledger, and gives a unit user only their own unit\'s tasks', async () => {
    const red = await workbook((await download(office, `/exports/ledger.xlsx?planId=${s.planId}&light=RED`)).body);
    expect(red.worksheets.flatMap((w) => w.getSheetValues().slice(2).map((r) => (r as unknown[])[3]))).toEqual(['戊镇', '戊镇']);
    const liaison = await f.client(s.tenant, 'UNIT_LIAISON', s.units.D);
    const own = await workbook((await download(liaison, `/exports/ledger.xlsx?planId=${s.planId}`)).body);
    expect(own.worksheets.flatMap((w) => w.getSheetValues().slice(2).map((r) => (r as unknown[])[3]))).toEqual(['丁镇']);
    const bad = await download(office, `/exports/ledger.xlsx?planId=${s.planId}&light=PURPLE`);
    expect([bad.status, JSON.parse(bad.body.toString()).field]).toEqual([400, 'light']);
  });

  it('gives the scorecard as xlsx to office and leadership, ranked, with the rules sheet', async () => {
    const leader = await f.client(s.tenant, 'LEADERSHIP');
    const res = await download(leader, `/exports/scorecard.xlsx?year=2026`);
    expect(res.status).toBe(200);
    const book = await workbook(res.body);
    expect(book.worksheets.map((w) => w.name)).toEqual(['考核排名', '评分规则']);
    const sheet = book.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1, 6)).toEqual(['排名', '单位', '得分', '上年得分', '上年排名']);
    expect([2, 3, 4, 5, 6].map((n) => (sheet.getRow(n).values as unknown[]).slice(1, 4))).toEqual([
      [1, '丙局', 100], [1, '甲局', 100], [3, '丁镇', 95], [4, '乙局', 92.5], [5, '戊镇', 88.75],
    ]);
    expect((sheet.getRow(3).values as unknown[]).slice(4, 6)).toEqual([95.5, 2]);
  });

  it('drafts the 通报 naming the units with overdue tasks and what they are', async () => {
    const res = await download(office, `/exports/tongbao.docx?planId=${s.planId}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const paragraphs = await docxParagraphs(res.body);
    expect(paragraphs[0]).toBe('关于2026年政务公开工作要点落实情况的通报');
    expect(paragraphs).toContain('〔　　〕第　　号');
    const text = paragraphs.join('\n');
    expect(text).toContain('共分解任务8项，已完成5项，正在推进3项，其中逾期未完成2项，涉及1个单位');
    expect(text).toContain('（一）戊镇。戊镇逾期未完成任务2项');
    expect(text).toMatch(/2．开展政府开放日活动（责任单位，完成时限2026年9月30日/);
    expect(text).toMatch(/1．推进重大决策预公开（牵头单位，完成时限2026年10月31日/);
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
    expect(theirs.worksheets[0].rowCount).toBe(1);

    const anonymous = await request(t.app.getHttpServer()).get(`/exports/ledger.xlsx?planId=${s.planId}`);
    expect(anonymous.status).toBe(401);
  });
});
