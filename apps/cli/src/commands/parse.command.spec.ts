import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const FIXTURES = path.resolve(process.cwd(), '../shared/fixtures/documents');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['tools/cli.mjs', ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Files the tests write go to one scratch folder, removed afterwards.
const scratch = mkdtempSync(path.join(tmpdir(), 'duban-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('cli parse', () => {
  it('prints one JSON document in the contract shape and exits 0', () => {
    const r = cli('parse', path.join(FIXTURES, 'liaoning-2021-key-points.txt'), '--json');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan).toMatchObject({
      title: '辽宁省2021年政务公开工作要点',
      year: 2021,
      docNumber: '辽政公领发〔2021〕1号',
    });
    expect(Object.keys(plan).sort()).toEqual([
      'docNumber',
      'issuer',
      'items',
      'planMilestones',
      'sections',
      'title',
      'warnings',
      'year',
    ]);
    expect(plan.items[0]).toMatchObject({ seq: 1, section: '一', label: '1.', unitsOpenEnded: false });
    expect(Object.keys(plan.items[0])).toEqual(
      expect.arrayContaining([
        'seq',
        'section',
        'label',
        'title',
        'text',
        'leadUnits',
        'responsibleUnits',
        'unitsOpenEnded',
        'deadlines',
      ]),
    );
    expect(r.stderr).toContain('即时比分');
  }, 30_000);

  it('exits 0 with no items and a warning for a document that is not a plan', () => {
    const r = cli('parse', path.join(FIXTURES, 'guian-2016-annual-report.txt'), '--json');
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.items).toEqual([]);
    expect(plan.warnings.length).toBeGreaterThan(0);
  }, 30_000);

  it('applies --year when the document has none', () => {
    const dir = path.join(scratch, 'year');
    mkdirSync(dir);
    const file = path.join(dir, 'plan.txt');
    writeFileSync(file, '政务公开工作要点\n(一)做好公开。6月底前完成。(各部门落实)\n');
    const r = cli('parse', file, '--year', '2025', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).items[0].deadlines).toEqual([{ text: '6月底前', date: '2025-06-30' }]);
  }, 30_000);

  it.each([
    ['a missing file', () => '/nonexistent/plan.txt'],
    [
      'binary garbage',
      () => {
        const file = path.join(scratch, 'garbage.txt');
        writeFileSync(file, Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 131) % 256)));
        return file;
      },
    ],
  ])(
    'exits 2 with a one-line message for %s',
    (_label, makeFile) => {
      const r = cli('parse', makeFile(), '--json');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    },
    30_000,
  );

  it('prints every plan of a notice that issues several, the first at the top level', () => {
    const file = path.join(scratch, 'two-plans.txt');
    writeFileSync(
      file,
      [
        '某市人民政府办公室关于印发《某市2023年政务管理服务工作要点》和《某市2023年政务公开工作要点》的通知',
        '现将《某市2023年政务管理服务工作要点》和《某市2023年政务公开工作要点》印发给你们。',
        '某市人民政府办公室',
        '2023年3月1日',
        '某市2023年政务管理服务工作要点',
        '（一）推进一网通办。（牵头单位：市政务服务中心）',
        '某市2023年政务公开工作要点',
        '（一）推进规划公开。（牵头单位：市发展改革委）',
      ].join('\n'),
    );
    const r = cli('parse', file, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.title).toBe('某市2023年政务管理服务工作要点');
    expect(out.plans.map((p: { title: string }) => p.title)).toEqual([
      '某市2023年政务管理服务工作要点',
      '某市2023年政务公开工作要点',
    ]);
    expect(r.stderr).toContain('印发了 2 个计划');
  }, 30_000);

  it('a scanned PDF: exits 2 with a one-line message when OCR is off', () => {
    const r = cli('parse', path.resolve('libs/plan-parser/src/__tests__/files/scanned-plan.pdf'), '--no-ocr', '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/扫描件.*NO_TEXT_LAYER/u);
  }, 30_000);

  it('prints usage and exits 2 for an unknown command', () => {
    const r = cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage');
  }, 30_000);
});
